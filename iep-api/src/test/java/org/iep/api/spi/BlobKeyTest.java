package org.iep.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "a/", "a//b", "../a", "a/../b", "a/./b", "A/b", "a\\b", "a/b c", "1.2.3/%2e%2e",
            "a/\u0000"})
    void refusesKeysThatCouldEscapeOrAmbiguate(String key) {
        assertThatThrownBy(() -> new BlobKey(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        BlobKey k = BlobKey.of("tx", "abc", "i1");
        assertThat(k.isUnder(BlobKey.of("tx", "abc"))).isTrue();
        assertThat(k.isUnder(BlobKey.of("tx", "ab"))).isFalse();
        assertThat(k.isUnder(k)).isTrue();
        assertThat(k.child("x").value()).isEqualTo("tx/abc/i1/x");
    }
}
