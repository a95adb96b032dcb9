package org.iep.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The codes are unique and in the 2xxx range, and the README's table lists each as the enum says. */
class JdbcErrorCodeTest {

    @Test
    void codesAreUniqueInTheirRangeAndDocumented() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Set<Integer> seen = new HashSet<>();
        for (JdbcErrorCode c : JdbcErrorCode.values()) {
            assertThat(seen.add(c.number())).as("duplicate %s", c).isTrue();
            assertThat(c.number()).isBetween(2000, 2999);
            assertThat(readme).contains("| " + c.code() + " | " + c.name() + " | " + c.summary() + " |");
        }
    }
}
