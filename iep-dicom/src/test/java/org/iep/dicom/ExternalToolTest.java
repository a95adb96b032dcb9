package org.iep.dicom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing oracle program skips a test locally but fails it on CI. */
class ExternalToolTest {

    @Test
    void missingToolFailsOnCi() {
        assertThatThrownBy(() -> ExternalTool.require("dcmdump", Map.of("CI", "true", "PATH", "/nonexistent")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true");
    }

    @Test
    void missingToolSkipsOutsideCi() {
        assertThatThrownBy(() -> ExternalTool.require("dcmdump", Map.of("PATH", "/nonexistent")))
                .isInstanceOf(TestAbortedException.class);
    }
}
