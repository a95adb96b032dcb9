package org.iep.core.blob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;

/**
 * What {@code stat} reports without re-hashing the blob: its size and SHA-256, plus the identity of the exact file
 * they were computed for (file key, i.e. device and inode, and modification time). A rename keeps the identity, so
 * a sidecar written for the temporary file still describes the blob once it is moved into place; a sidecar left
 * describing another file (a crash between the two renames, a racing replacement) no longer matches and is
 * recomputed. Immutable.
 */
record Sidecar(long size, String sha256, String identity) {
    private static final String MAGIC = "iep-blob-sidecar 1";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    static Sidecar of(long size, String sha256, BasicFileAttributes file) {
        return new Sidecar(size, sha256, identityOf(file));
    }

    /** Whether this sidecar was written for {@code file} as it is now. */
    boolean describes(BasicFileAttributes file) {
        return size == file.size() && identity.equals(identityOf(file));
    }

    BlobInfo info(BlobKey key) {
        return new BlobInfo(key, size, sha256);
    }

    byte[] encode() {
        return (MAGIC + "\n" + size + "\n" + sha256 + "\n" + identity + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The sidecar at {@code path}; empty when there is none or it is unreadable garbage (a torn write). */
    static Optional<Sidecar> read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.MalformedInputException e) {
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        if (lines.length != 5 || !lines[0].equals(MAGIC) || !SHA256.matcher(lines[2]).matches()
                || !lines[4].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Sidecar(Long.parseLong(lines[1]), lines[2], lines[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String identityOf(BasicFileAttributes file) {
        // fileKey is null where the platform has no inode-like key; the modification time still tells files apart.
        return file.fileKey() + "|" + file.lastModifiedTime().toMillis();
    }
}
