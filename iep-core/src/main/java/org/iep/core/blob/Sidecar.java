package org.iep.core.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;

/**
 * What {@code stat} reports without re-hashing the blob: its size and SHA-256, plus the identity of the exact file
 * they were computed for (file key, i.e. device and inode, and modification time). Immutable.
 *
 * <p>Kept in one of two places. As the blob file's own extended attribute {@value #ATTRIBUTE} (49 bytes, small enough
 * for ext4 to keep inside the inode), it travels with the file through its rename and can describe no other file;
 * its modification time and size still tell whether the content changed since. As a file beside the blob (file
 * systems without user attributes, and stores written before attributes were used), a rename keeps the identity, so
 * a sidecar written for the temporary file still describes the blob once it is moved into place, while one left
 * describing another file (a crash between the two renames, a racing replacement) no longer matches. Either way a
 * sidecar that does not describe the file is recomputed by {@code stat}.
 */
record Sidecar(long size, String sha256, String fileKey, long modified) {
    /** The name of the user attribute; the platform adds the {@code user.} namespace on Linux. */
    static final String ATTRIBUTE = "iep.blob";
    private static final String MAGIC = "iep-blob-sidecar 1";
    private static final byte ATTRIBUTE_VERSION = 1;
    private static final int ATTRIBUTE_LENGTH = 1 + 8 + 8 + 32;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    static Sidecar of(long size, String sha256, BasicFileAttributes file) {
        return new Sidecar(size, sha256, keyOf(file), file.lastModifiedTime().toMillis());
    }

    /** Whether this sidecar was written for {@code file} as it is now. */
    boolean describes(BasicFileAttributes file) {
        return size == file.size() && modified == file.lastModifiedTime().toMillis() && fileKey.equals(keyOf(file));
    }

    BlobInfo info(BlobKey key) {
        return new BlobInfo(key, size, sha256);
    }

    /** The sidecar file's text. */
    byte[] encode() {
        return (MAGIC + "\n" + size + "\n" + sha256 + "\n" + fileKey + "|" + modified + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sets this sidecar as {@code file}'s attribute; the file must be the one it was computed for. */
    void attachTo(Path file) throws IOException {
        ByteBuffer value = ByteBuffer.allocate(ATTRIBUTE_LENGTH).put(ATTRIBUTE_VERSION).putLong(size)
                .putLong(modified).put(HexFormat.of().parseHex(sha256)).flip();
        view(file).write(ATTRIBUTE, value);
    }

    /** The sidecar attribute of {@code file}; empty when it has none or an unreadable one. */
    static Optional<Sidecar> attachedTo(Path file, BasicFileAttributes attributes) throws IOException {
        ByteBuffer value = ByteBuffer.allocate(ATTRIBUTE_LENGTH + 1);
        try {
            view(file).read(ATTRIBUTE, value);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            return Optional.empty(); // ENODATA: no such attribute (the JDK reports it only as a FileSystemException)
        }
        value.flip();
        if (value.remaining() != ATTRIBUTE_LENGTH || value.get() != ATTRIBUTE_VERSION) {
            return Optional.empty();
        }
        long size = value.getLong();
        long modified = value.getLong();
        byte[] sha = new byte[32];
        value.get(sha);
        // The attribute belongs to this inode, so its file key is the file's own.
        return Optional.of(new Sidecar(size, HexFormat.of().formatHex(sha), keyOf(attributes), modified));
    }

    /** The sidecar file at {@code path}; empty when there is none or it is unreadable garbage (a torn write). */
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
                || !lines[4].isEmpty() || lines[3].lastIndexOf('|') < 0) {
            return Optional.empty();
        }
        int bar = lines[3].lastIndexOf('|');
        try {
            return Optional.of(new Sidecar(Long.parseLong(lines[1]), lines[2], lines[3].substring(0, bar),
                    Long.parseLong(lines[3].substring(bar + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether files in {@code dir} take user attributes: tried on a probe file, which is removed. */
    static boolean attributesWork(Path dir) {
        Path probe = dir.resolve("attribute-probe-" + java.util.UUID.randomUUID());
        try {
            Files.createFile(probe);
            try {
                new Sidecar(0, "0".repeat(64), "", 0).attachTo(probe);
                return attachedTo(probe, Files.readAttributes(probe, BasicFileAttributes.class)).isPresent();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static UserDefinedFileAttributeView view(Path file) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            throw new IOException("no user-defined file attributes on " + file.getFileSystem());
        }
        return view;
    }

    private static String keyOf(BasicFileAttributes file) {
        // fileKey is null where the platform has no inode-like key; the modification time still tells files apart.
        return String.valueOf(file.fileKey());
    }
}
