package org.iep.core.blob;

import static java.nio.file.StandardOpenOption.READ;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An incremental SHA-256 with a lower-case hex result. Not thread-safe: one per put. */
final class Sha256 {
    private final MessageDigest digest;

    private Sha256(MessageDigest digest) {
        this.digest = digest;
    }

    static Sha256 create() {
        try {
            return new Sha256(MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of a whole file, read through {@code buffer}. */
    static String ofFile(Path file, byte[] buffer) throws IOException {
        Sha256 sha = create();
        try (FileChannel in = FileChannel.open(file, READ)) {
            ByteBuffer b = ByteBuffer.wrap(buffer);
            for (int n; (n = in.read(b.clear())) >= 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return sha.hex();
    }
}
