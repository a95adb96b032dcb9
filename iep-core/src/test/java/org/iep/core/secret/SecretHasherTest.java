package org.iep.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.access.SecretHash;
import org.iep.api.spi.KeyPurpose;
import org.iep.testkit.memory.FixedKeyProvider;
import org.junit.jupiter.api.Test;

class SecretHasherTest {
    private final FixedKeyProvider keys = new FixedKeyProvider("hasher-test");
    private final SecretHasher hasher = new SecretHasher(keys);

    @Test
    void isHmacSha256WithTheSecretHashingKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.key(KeyPurpose.SECRET_HASHING), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("token".getBytes(StandardCharsets.UTF_8)));
        assertThat(hasher.hash("token")).isEqualTo(new SecretHash(expected));
    }

    @Test
    void dependsOnTheKeyAndTheContext() {
        assertThat(new SecretHasher(new FixedKeyProvider("other")).hash("token")).isNotEqualTo(hasher.hash("token"));
        assertThat(hasher.hash("g-1", "123456")).isNotEqualTo(hasher.hash("g-2", "123456"))
                .isNotEqualTo(hasher.hash("123456"));
        assertThat(hasher.hash("ab", "c")).isNotEqualTo(hasher.hash("a", "bc"));
    }

    @Test
    void matchesOnlyTheRightSecret() {
        SecretHash h = hasher.hash("g-1", "123456");
        assertThat(hasher.matches("g-1", "123456", h)).isTrue();
        assertThat(hasher.matches("g-1", "123457", h)).isFalse();
        assertThat(hasher.matches("g-2", "123456", h)).isFalse();
        assertThat(hasher.matches("token", hasher.hash("token"))).isTrue();
        assertThat(SecretHasher.equal(h, new SecretHash(h.hex()))).isTrue();
    }

    @Test
    void fetchesTheKeyOnceAndIsSafeAcrossThreads() throws Exception {
        int[] calls = {0};
        SecretHasher counted = new SecretHasher(p -> {
            calls[0]++;
            return keys.key(p);
        });
        SecretHash expected = counted.hash("token");
        Thread[] threads = new Thread[8];
        boolean[] ok = new boolean[threads.length];
        for (int i = 0; i < threads.length; i++) {
            int n = i;
            threads[i] = new Thread(() -> {
                boolean all = true;
                for (int k = 0; k < 500; k++) {
                    all &= counted.hash("token").equals(expected);
                }
                ok[n] = all;
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok).containsOnly(true);
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new SecretHasher(p -> new byte[16]))
                .isInstanceOfSatisfying(InfrastructureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.CONFIGURATION));
    }
}
