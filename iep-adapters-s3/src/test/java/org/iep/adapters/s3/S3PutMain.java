package org.iep.adapters.s3;

import java.net.URI;
import java.time.Duration;
import org.iep.api.Secret;
import org.iep.api.spi.BlobKey;

/**
 * The child JVM of {@link S3CrashTest}: prints "ready" once its client is set up, then puts one generated multipart
 * blob through the adapter and prints "done", unless its parent kills it first.
 */
public final class S3PutMain {
    private S3PutMain() {
    }

    public static void main(String[] args) {
        S3Config config = new S3Config(URI.create("http://127.0.0.1:" + args[0]), "us-east-1", args[1],
                LocalS3.ACCESS, Secret.of(LocalS3.SECRET), true, "", S3Config.MIN_PART, Duration.ofSeconds(30));
        long size = Long.parseLong(args[3]);
        try (S3BlobStore store = new S3BlobStore(config)) {
            store.check(); // the first request loads and warms the SDK: what follows is the upload alone
            System.out.println("ready");
            System.out.flush();
            store.put(new BlobKey(args[2]), new Generated(size));
            System.out.println("done");
        }
    }

    /** Deterministic bytes, so the parent can tell a whole blob from anything else by its digest. */
    static final class Generated extends java.io.InputStream {
        private final long size;
        private long position;

        Generated(long size) {
            this.size = size;
        }

        static byte at(long i) {
            return (byte) (i * 31 + (i >>> 11));
        }

        @Override
        public int read() {
            return position < size ? at(position++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = at(position++);
            }
            return n;
        }
    }
}
