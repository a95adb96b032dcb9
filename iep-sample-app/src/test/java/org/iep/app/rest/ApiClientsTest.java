package org.iep.app.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiClientsTest {
    @TempDir
    Path dir;

    @Test
    void aProvisionedKeyAuthenticatesAndNothingElseDoes() throws IOException {
        ApiClients.NewKey ris = ApiClients.newKey("stee-ris", "admin@stee.example.org", new SecureRandom());
        ApiClients.NewKey other = ApiClients.newKey("stee-ris", "admin@stee.example.org", new SecureRandom());
        Path file = dir.resolve("clients.properties");
        Files.writeString(file, "# provisioned by the operator\n" + ris.fileLine() + "\n");

        ApiClients clients = ApiClients.load(file);

        assertThat(clients.authenticate(ris.key())).hasValueSatisfying(c -> {
            assertThat(c.id()).isEqualTo("stee-ris");
            assertThat(c.userEmail()).isEqualTo("admin@stee.example.org");
        });
        assertThat(clients.authenticate(other.key())).as("same client, another key").isEmpty();
        assertThat(clients.authenticate(ris.key() + "x")).isEmpty();
        assertThat(clients.authenticate("iep_nobody_" + ris.key().substring(ris.key().length() - 43))).isEmpty();
        assertThat(clients.authenticate(null)).isEmpty();
        assertThat(Files.readString(file)).doesNotContain(ris.key()).as("only the hash is stored");
        assertThat(ris.toString()).doesNotContain(ris.key());
    }

    @Test
    void aMissingFileMeansNoClientsAndAMalformedOneIsRefused() throws IOException {
        assertThat(ApiClients.load(dir.resolve("absent")).authenticate("iep_x_" + "a".repeat(43))).isEmpty();
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "stee-ris=admin@stee.example.org,not-a-hash\n");
        assertThatThrownBy(() -> ApiClients.load(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stee-ris");
    }
}
