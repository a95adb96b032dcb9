package org.iep.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.testkit.memory.FixedKeyProvider;
import org.junit.jupiter.api.Test;

class SealerTest {
    private final Sealer sealer = new Sealer(new FixedKeyProvider("sealer-test"), new SecureRandom());

    @Test
    void sealsAndOpensWithTheSameContext() {
        String sealed = sealer.seal("482913", "outbox:PASSCODE/g-1/2");
        assertThat(sealed).startsWith("v1.").doesNotContain("482913");
        assertThat(sealer.open(sealed, "outbox:PASSCODE/g-1/2")).isEqualTo("482913");
        // 12-byte nonce + 6 bytes + 16-byte tag
        assertThat(Base64.getUrlDecoder().decode(sealed.substring(3))).hasSize(12 + 6 + 16);
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(sealer.seal("same", "ctx")).isNotEqualTo(sealer.seal("same", "ctx"));
    }

    @Test
    void refusesAnotherContextAKeyOrATamperedValue() {
        String sealed = sealer.seal("482913", "job-1");
        assertIntegrity(() -> sealer.open(sealed, "job-2"));
        assertIntegrity(() -> new Sealer(new FixedKeyProvider("other"), new SecureRandom()).open(sealed, "job-1"));
        // flip one character in the middle (the last one may only carry unused padding bits)
        int i = 3 + 20;
        char c = sealed.charAt(i);
        assertIntegrity(() -> sealer.open(sealed.substring(0, i) + (c == 'A' ? 'B' : 'A') + sealed.substring(i + 1),
                "job-1"));
        assertIntegrity(() -> sealer.open("plaintext", "job-1"));
        assertIntegrity(() -> sealer.open("v1.%%%", "job-1"));
    }

    @Test
    void usesTheInjectedRandomForNonces() {
        SecureRandom fixed = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 7);
            }
        };
        Sealer s = new Sealer(new FixedKeyProvider("sealer-test"), fixed);
        assertThat(s.seal("x", "c")).isEqualTo(s.seal("x", "c"));
        assertThat(Base64.getUrlDecoder().decode(s.seal("x", "c").substring(3))).startsWith(new byte[] {7, 7, 7});
    }

    @Test
    void condensesLongKeysAndRefusesShortOnes() {
        Sealer longKey = new Sealer(p -> new byte[64], new SecureRandom());
        assertThat(longKey.open(longKey.seal("x", "c"), "c")).isEqualTo("x");
        assertThatThrownBy(() -> new Sealer(p -> new byte[31], new SecureRandom()))
                .isInstanceOfSatisfying(InfrastructureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.CONFIGURATION));
    }

    private static void assertIntegrity(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InfrastructureException.class,
                e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.INTEGRITY_FAILURE));
    }
}
