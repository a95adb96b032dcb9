package org.iep.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.iep.api.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
    @TempDir
    Path dir;

    @Test
    void embeddedDefaults() {
        AppConfig c = AppConfig.from(Settings.of(Map.of()));

        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.publicUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(c.jdbc().url()).startsWith("jdbc:h2:file:").contains("iep-data").contains("MODE=PostgreSQL");
        assertThat(c.devMailbox()).isTrue();
        assertThat(c.demoData()).isTrue();
    }

    @Test
    void portZeroTakesThePortGivenAtStartAndTheLinksNameIt() {
        AppConfig c = AppConfig.from(Settings.of(Map.of("iep.http.port", "0")));
        assertThat(c.httpPort()).isZero();

        AppConfig bound = c.listeningOn(41234);
        assertThat(bound.httpPort()).isEqualTo(41234);
        assertThat(bound.publicUrl()).isEqualTo("http://127.0.0.1:41234");
        AppConfig proxied = AppConfig.from(Settings.of(Map.of("iep.http.port", "0", "iep.publicUrl",
                "https://iep.example.nhs.uk"))).listeningOn(41234);
        assertThat(proxied.publicUrl()).as("a public URL set is kept").isEqualTo("https://iep.example.nhs.uk");
        assertThatThrownBy(() -> bound.listeningOn(41235)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Settings bad = Settings.of(Map.of("iep.http.port", "eighty", "iep.publicUrl", "ftp://x", "iep.demo", "maybe",
                "iep.jdbc.poolSize", "many", "iep.mail.mode", "carrier-pigeon"));

        assertThatThrownBy(() -> AppConfig.from(bad)).isInstanceOfSatisfying(InvalidAppConfigException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("iep.http.port",
                        "iep.publicUrl", "iep.demo", "iep.jdbc.poolSize", "iep.mail.mode"));
    }

    @Test
    void environmentOverridesTheFileAndSystemPropertiesOverrideBoth() throws IOException {
        Path file = dir.resolve("iep.properties");
        Files.writeString(file, "iep.http.port=9000\niep.publicUrl=https://iep.example.nhs.uk/\niep.demo=false\n");
        Properties system = new Properties();
        system.setProperty("iep.demo", "true");

        AppConfig c = AppConfig.from(Settings.load(file, Map.of("IEP_HTTP_PORT", "9100"), system, AppConfig.KEYS));

        assertThat(c.httpPort()).isEqualTo(9100);
        assertThat(c.publicUrl()).isEqualTo("https://iep.example.nhs.uk");
        assertThat(c.demoData()).isTrue();
    }

    @Test
    void dicomTlsTakesAllFourSettingsOrNoneAndHidesItsPasswords() {
        Settings partial = Settings.of(Map.of("iep.dicom.tls.keyStore", "/etc/iep/dicom.p12",
                "iep.dicom.tls.keyStorePassword", "hunter2"));

        assertThatThrownBy(() -> AppConfig.from(partial)).isInstanceOfSatisfying(InvalidAppConfigException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("iep.dicom.tls.trustStore",
                        "iep.dicom.tls.trustStorePassword"));
        assertThat(partial.redacted().toString()).doesNotContain("hunter2");
        AppConfig all = AppConfig.from(Settings.of(Map.of("iep.dicom.tls.keyStore", "/etc/iep/dicom.p12",
                "iep.dicom.tls.keyStorePassword", "hunter2", "iep.dicom.tls.trustStore", "/etc/iep/trusted.p12",
                "iep.dicom.tls.trustStorePassword", "hunter3")));
        assertThat(all.dicom().orElseThrow().tls()).hasValueSatisfying(t -> {
            assertThat(t.keyStore()).hasToString("/etc/iep/dicom.p12");
            assertThat(t.toString()).doesNotContain("hunter2").doesNotContain("hunter3");
        });
        assertThat(AppConfig.from(Settings.of(Map.of())).dicom().orElseThrow().tls()).isEmpty();
    }

    @Test
    void storageCommitmentIsAskedOfTheNamedNodesWithinTheirWait() {
        AppConfig c = AppConfig.from(Settings.of(Map.of("iep.dicom.storageCommitment",
                "NTEE_PACS=PT30S, STEE_PACS=PT2M")));
        assertThat(c.dicom().orElseThrow().storageCommitment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "NTEE_PACS", java.time.Duration.ofSeconds(30), "STEE_PACS", java.time.Duration.ofMinutes(2)));
        assertThat(AppConfig.from(Settings.of(Map.of())).dicom().orElseThrow().storageCommitment()).isEmpty();

        assertThatThrownBy(() -> AppConfig.from(Settings.of(Map.of("iep.dicom.storageCommitment",
                "NTEE_PACS=soon,STEE_PACS=PT1H,PACS=PT0.5S,=PT30S"))))
                .isInstanceOfSatisfying(InvalidAppConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("iep.dicom.storageCommitment",
                                "iep.dicom.storageCommitment", "iep.dicom.storageCommitment",
                                "iep.dicom.storageCommitment"));
    }

    @Test
    void secretsAreRedactedForTheLog() {
        Settings s = Settings.of(Map.of("iep.jdbc.password", "hunter2", "iep.jdbc.user", "iep",
                "iep.jdbc.url", "jdbc:postgresql://db/iep?password=hunter2"));

        assertThat(s.redacted().toString()).doesNotContain("hunter2").contains("iep.jdbc.user=iep");
    }

    @Test
    void anUnreadableFileIsAConfigurationProblem() {
        assertThatThrownBy(() -> Settings.load(dir.resolve("missing.properties"), Map.of(), new Properties(), List.of()))
                .isInstanceOf(InvalidAppConfigException.class);
    }
}
