package org.iep.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.KeyPurpose;
import org.iep.testkit.contract.KeyProviderContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyProviderTest extends KeyProviderContract {
    @TempDir
    Path dir;

    @Override
    protected KeyProvider newProvider() {
        return FileKeyProvider.createIfAbsent(dir.resolve("keys/master.key"), new SecureRandom());
    }

    @Test
    void theCreatedFileIsOwnerOnlyAndReusedOnTheNextStart() throws IOException {
        Path file = dir.resolve("keys/master.key");
        byte[] first = newProvider().key(KeyPurpose.PSEUDONYMS);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(FileKeyProvider.load(file).key(KeyPurpose.PSEUDONYMS)).isEqualTo(first);
    }

    @Test
    void anotherMasterKeyGivesOtherKeys() {
        byte[] one = FileKeyProvider.createIfAbsent(dir.resolve("a"), new SecureRandom()).key(KeyPurpose.PSEUDONYMS);
        byte[] two = FileKeyProvider.createIfAbsent(dir.resolve("b"), new SecureRandom()).key(KeyPurpose.PSEUDONYMS);

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void missingShortOrMalformedKeysAreRefusedAsConfigurationErrors() throws IOException {
        Files.writeString(dir.resolve("short"), "AAEC\n");
        Files.writeString(dir.resolve("junk"), "not base64 at all!\n");

        for (String name : new String[] {"absent", "short", "junk"}) {
            assertThatThrownBy(() -> FileKeyProvider.load(dir.resolve(name))).as(name)
                    .isInstanceOfSatisfying(InfrastructureException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.CONFIGURATION));
        }
    }
}
