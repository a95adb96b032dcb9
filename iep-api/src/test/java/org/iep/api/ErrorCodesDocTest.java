package org.iep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps docs/error-codes.md in step with the enums, and the codes unique and in their ranges. */
class ErrorCodesDocTest {

    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(CoreErrorCode.class);

    @Test
    void codesAreUniqueAndInTheirRange() {
        Set<Integer> seen = new HashSet<>();
        for (CoreErrorCode c : CoreErrorCode.values()) {
            assertThat(seen.add(c.number())).as("duplicate %s", c).isTrue();
            assertThat(c.number()).isBetween(1000, 1999);
            assertThat(c.code()).isEqualTo("IEP-" + c.number());
        }
    }

    @Test
    void documentIsCurrent() throws IOException {
        Path doc = Path.of(System.getProperty("iep.root.dir", "..")).resolve("docs/error-codes.md");
        String expected = render();
        if (Boolean.getBoolean("iep.regenerate")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("regenerate with -Diep.regenerate=true (see CONTRIBUTING.md)").exists();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    private static String render() {
        StringBuilder sb = new StringBuilder("# Error codes\n\nGenerated from the `ErrorCode` enums by "
                + "`ErrorCodesDocTest`; do not edit by hand. Messages start with the code.\n");
        for (Class<? extends Enum<?>> type : ENUMS) {
            sb.append("\n## ").append(type.getSimpleName()).append("\n\n| code | name | meaning |\n| --- | --- | --- |\n");
            Arrays.stream(type.getEnumConstants()).map(e -> (ErrorCode) e).forEach(c -> sb.append("| ")
                    .append(c.code()).append(" | ").append(((Enum<?>) c).name()).append(" | ")
                    .append(c.summary()).append(" |\n"));
        }
        return sb.toString();
    }
}
