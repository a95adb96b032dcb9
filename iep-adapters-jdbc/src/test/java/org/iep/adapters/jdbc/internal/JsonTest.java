package org.iep.adapters.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void treesRoundTrip() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("text", "quote \" backslash \\ slash / newline \n tab \t bell \u0007 nul \u0000");
        tree.put("unicode", "Zoë 日本 \uD83D\uDE00");
        tree.put("numbers", List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE));
        tree.put("flags", List.of(true, false));
        tree.put("nothing", null);
        tree.put("nested", Map.of("empty", List.of(), "obj", Map.of()));
        tree.put("nulls", Arrays.asList(null, "x"));

        String json = Json.write(tree);

        assertThat(Json.parse(json)).isEqualTo(tree);
        assertThat(json).doesNotContain("\n").contains("\\u0007").contains("\\u0000");
    }

    @Test
    void whitespaceAndEscapesWrittenByOthersAreRead() {
        assertThat(Json.parse(" { \"a\" : [ 1 , \"\\u00e9\\/\" ] } ")).isEqualTo(Map.of("a", List.of(1L, "é/")));
    }

    @Test
    void malformedDocumentsAreRejected() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1 2]", "1.5", "{\"a\":1} x", "\"open", "tru", "-")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(RuntimeException.class);
        }
    }
}
