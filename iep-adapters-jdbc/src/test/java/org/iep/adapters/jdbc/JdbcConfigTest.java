package org.iep.adapters.jdbc;

import org.iep.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.iep.api.Problem;
import org.junit.jupiter.api.Test;

class JdbcConfigTest {

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> new JdbcConfig("mysql://db", null, null, 0, Duration.ZERO, true))
                .isInstanceOfSatisfying(InvalidJdbcConfigurationException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(JdbcErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).startsWith("IEP-2007: 5 problem(s)");
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("iep.jdbc.url",
                            "iep.jdbc.user", "iep.jdbc.password", "iep.jdbc.poolSize", "iep.jdbc.connectionTimeout");
                });
    }

    @Test
    void thePasswordNeverShowsInText() {
        JdbcConfig config = JdbcConfig.of("jdbc:postgresql://db/iep", "iep_app", Secret.of("hunter2"));

        assertThat(config.toString()).doesNotContain("hunter2").contains("Secret[redacted]");
        assertThat(config.password().reveal()).isEqualTo("hunter2");
    }

    @Test
    void defaultsAndWithers() {
        JdbcConfig config = JdbcConfig.of("jdbc:h2:mem:x", "", Secret.of(""));

        assertThat(config.poolSize()).isEqualTo(10);
        assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.migrate()).isTrue();
        assertThat(config.withPoolSize(3).withConnectionTimeout(Duration.ofSeconds(1)).withMigrate(false))
                .isEqualTo(new JdbcConfig("jdbc:h2:mem:x", "", Secret.of(""), 3, Duration.ofSeconds(1), false));
    }

    @Test
    void readsSettingsWithDefaults() {
        JdbcConfig config = JdbcConfig.from(Map.of("iep.jdbc.url", "jdbc:postgresql://db/iep", "iep.jdbc.user",
                "iep_app", "iep.jdbc.password", "s3cret"));

        assertThat(config).isEqualTo(JdbcConfig.of("jdbc:postgresql://db/iep", "iep_app", Secret.of("s3cret")));
        assertThat(JdbcConfig.from(Map.of("iep.jdbc.url", "jdbc:h2:mem:x", "iep.jdbc.user", "",
                "iep.jdbc.password", "", "iep.jdbc.poolSize", " 4 ", "iep.jdbc.connectionTimeout", "PT2S",
                "iep.jdbc.migrate", "false")))
                .isEqualTo(new JdbcConfig("jdbc:h2:mem:x", "", Secret.of(""), 4, Duration.ofSeconds(2), false));
    }

    @Test
    void unparseableAndInvalidSettingsAreReportedTogether() {
        assertThatThrownBy(() -> JdbcConfig.from(Map.of("iep.jdbc.url", "jdbc:oracle:x", "iep.jdbc.poolSize", "ten",
                "iep.jdbc.connectionTimeout", "30s", "iep.jdbc.migrate", "yes")))
                .isInstanceOfSatisfying(InvalidJdbcConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("iep.jdbc.url", "iep.jdbc.user",
                                "iep.jdbc.password", "iep.jdbc.poolSize", "iep.jdbc.connectionTimeout",
                                "iep.jdbc.migrate"));
    }

    @Test
    void h2FileDatabasesWriteEachCommitAtOnceUnlessTheUrlSaysOtherwise() {
        assertThat(JdbcDatabase.durable("jdbc:h2:file:/var/lib/iep/db;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/var/lib/iep/db;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(JdbcDatabase.durable("jdbc:h2:file:/x;write_delay=100")).isEqualTo("jdbc:h2:file:/x;write_delay=100");
        assertThat(JdbcDatabase.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(JdbcDatabase.durable("jdbc:postgresql://db/iep")).isEqualTo("jdbc:postgresql://db/iep");
    }

    @Test
    void passwordsInUrlsAreRedactedFromMessages() {
        assertThat(JdbcDatabase.redacted("jdbc:postgresql://db/iep?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/iep?user=a&password=***&ssl=true");
        assertThat(JdbcDatabase.redacted("jdbc:h2:file:/x;PASSWORD=hunter2;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/x;PASSWORD=***;MODE=PostgreSQL");
    }
}
