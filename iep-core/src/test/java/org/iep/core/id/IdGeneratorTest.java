package org.iep.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
    private final IdGenerator ids = new IdGenerator(new SecureRandom());

    @Test
    void secretsCarry256BitsUrlSafe() {
        String s = ids.newSecret();
        assertThat(s).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void digitsKeepLeadingZerosAndCoverAllDigits() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = ids.newDigits(6);
            assertThat(code).matches("[0-9]{6}");
            code.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(10);
    }

    @Test
    void idsAreHexAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ids.newId())).isTrue();
        }
        assertThat(seen.iterator().next()).matches("[0-9a-f]{32}");
    }
}
