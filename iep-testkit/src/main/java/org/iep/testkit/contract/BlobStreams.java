package org.iep.testkit.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Input streams and digests for the blob store suite. Not thread-safe: one stream per thread. */
final class BlobStreams {
    private BlobStreams() {
    }

    /** The byte at {@code position} of every generated blob: cheap, position-addressable, not periodic in 64 KiB. */
    static byte generated(long position) {
        return (byte) (position * 31 + (position >>> 13) + (position >>> 23));
    }

    /**
     * Generates {@code size} bytes on the fly and digests what it hands out, so a test can put a blob far larger
     * than it would want to hold and still know its SHA-256.
     */
    static final class Generating extends InputStream {
        private final long size;
        private final MessageDigest sha = sha256();
        private long position;
        private boolean closed;

        Generating(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = generated(position + i);
            }
            sha.update(b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }

        boolean exhausted() {
            return position == size;
        }

        boolean closed() {
            return closed;
        }

        /** The SHA-256 of everything handed out; call once, after the stream was read to its end. */
        String sha256Hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** Hands out {@code goodBytes} bytes, then fails as a broken upload or a reset connection would. */
    static final class Failing extends InputStream {
        private final Generating delegate;
        private final long goodBytes;
        private long position;

        Failing(long goodBytes) {
            this.delegate = new Generating(Long.MAX_VALUE);
            this.goodBytes = goodBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= goodBytes) {
                throw new IOException("connection reset by peer (simulated)");
            }
            int n = delegate.read(b, off, (int) Math.min(len, goodBytes - position));
            position += n;
            return n;
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Reads {@code in} to its end, digesting without keeping the bytes; closes it. Returns the hex digest. */
    static String digestOf(InputStream in) {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
