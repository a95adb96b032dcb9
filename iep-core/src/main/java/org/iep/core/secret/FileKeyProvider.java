package org.iep.core.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.KeyPurpose;

/**
 * Keys derived from one master key kept in a file (Base64 of at least 32 random bytes): each purpose gets
 * HMAC-SHA256(master, "iep-key/" + purpose), so one file backs every purpose and the keys stay stable as long as
 * the file does. {@link #createIfAbsent} writes a new master key readable by its owner only, for single-machine
 * installations; production deployments provision the file (or use a KMS-backed provider). Losing the file loses
 * the pseudonym mapping and invalidates outstanding links: back it up with the database. Thread-safe.
 */
public final class FileKeyProvider implements KeyProvider {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final byte[] master;

    private FileKeyProvider(byte[] master) {
        this.master = master;
    }

    /** Reads the master key from {@code file}; refuses a missing, malformed or short key. */
    public static FileKeyProvider load(Path file) {
        byte[] master;
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            master = Base64.getDecoder().decode(text);
        } catch (IOException e) {
            throw configuration("Cannot read the master key file " + file + " (" + e.getClass().getSimpleName()
                    + "). Provision it, or let the application create one on first start.", e);
        } catch (IllegalArgumentException e) {
            throw configuration("The master key file " + file + " is not Base64.", e);
        }
        if (master.length < Keys.BYTES) {
            throw configuration("The master key in " + file + " has " + master.length
                    + " bytes; at least 32 random bytes (256 bits) are required.", null);
        }
        return new FileKeyProvider(master);
    }

    /** Loads the master key, first writing a new random one (owner-only permissions) when the file is absent. */
    public static FileKeyProvider createIfAbsent(Path file, SecureRandom random) {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[Keys.BYTES];
            random.nextBytes(fresh);
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                restrict(file);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } catch (IOException e) {
                throw configuration("Cannot create the master key file " + file + " (" + e.getMessage() + ").", e);
            } finally {
                Arrays.fill(fresh, (byte) 0);
            }
        }
        return load(file);
    }

    @Override
    public byte[] key(KeyPurpose purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("iep-key/" + purpose.name()).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the directory's ACL; the README tells operators to restrict it.
        }
    }

    private static InfrastructureException configuration(String message, Exception cause) {
        return new InfrastructureException(CoreErrorCode.CONFIGURATION, message, false, cause);
    }
}
