package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.KeyPurpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link KeyProvider} contract: keys of at least 32 bytes, stable per purpose, distinct between purposes, and
 * handed out as copies the caller may wipe.
 */
public abstract class KeyProviderContract {
    protected KeyProvider keys;

    /** A provider configured with keys for every purpose. */
    protected abstract KeyProvider newProvider();

    @BeforeEach
    final void createProvider() {
        keys = newProvider();
    }

    @Test
    void everyPurposeHasAKeyOfAtLeast256Bits() {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            assertThat(keys.key(purpose)).as(purpose.name()).hasSizeGreaterThanOrEqualTo(32);
        }
    }

    @Test
    void aPurposeAlwaysYieldsTheSameKey() {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            assertThat(keys.key(purpose)).as(purpose.name()).isEqualTo(keys.key(purpose));
        }
    }

    @Test
    void purposesHaveDistinctKeys() {
        Set<List<Byte>> distinct = new HashSet<>();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            byte[] k = keys.key(purpose);
            Byte[] boxed = new Byte[k.length];
            Arrays.setAll(boxed, i -> k[i]);
            distinct.add(List.of(boxed));
        }
        assertThat(distinct).hasSize(KeyPurpose.values().length);
    }

    @Test
    void wipingAReturnedKeyDoesNotWipeTheProvidersKey() {
        byte[] first = keys.key(KeyPurpose.SECRET_HASHING);
        byte[] expected = first.clone();

        Arrays.fill(first, (byte) 0);

        assertThat(keys.key(KeyPurpose.SECRET_HASHING)).isEqualTo(expected);
    }
}
