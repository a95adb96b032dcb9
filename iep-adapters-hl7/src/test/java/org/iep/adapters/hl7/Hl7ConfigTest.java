package org.iep.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.iep.api.Problem;
import org.junit.jupiter.api.Test;

class Hl7ConfigTest {
    @Test
    void absentKeysTakeTheDefaults() {
        assertThat(Hl7Config.from(Map.of())).isEqualTo(Hl7Config.DEFAULT);
    }

    @Test
    void readsEveryKey() {
        Hl7Config c = Hl7Config.from(Map.of("iep.hl7.bindAddress", "0.0.0.0", "iep.hl7.port", "6661",
                "iep.hl7.maxConnections", "3", "iep.hl7.maxFrameBytes", "2048", "iep.hl7.idleTimeout", "PT1M",
                "iep.hl7.readTimeout", "PT5S", "iep.hl7.frameTimeout", "PT20S"));
        assertThat(c).isEqualTo(new Hl7Config("0.0.0.0", 6661, 3, 2048, Duration.ofMinutes(1),
                Duration.ofSeconds(5), Duration.ofSeconds(20)));
    }

    @Test
    void listsEveryProblem() {
        assertThatThrownBy(() -> Hl7Config.from(Map.of("iep.hl7.port", "x", "iep.hl7.maxConnections", "0",
                "iep.hl7.maxFrameBytes", "10", "iep.hl7.readTimeout", "soon")))
                .isInstanceOfSatisfying(InvalidHl7ConfigurationException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(Hl7ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("iep.hl7.port",
                            "iep.hl7.readTimeout", "iep.hl7.maxConnections", "iep.hl7.maxFrameBytes");
                });
    }
}
