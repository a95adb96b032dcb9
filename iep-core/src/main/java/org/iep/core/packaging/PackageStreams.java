package org.iep.core.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The streams a package passes through on its way out: tee, hash fork, count and resume offset. */
final class PackageStreams {
    private PackageStreams() {
    }

    /** Every byte read is also written to the entry's body. */
    static final class Tee extends java.io.FilterInputStream {
        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] passed = new byte[(int) Math.min(n, 8192)];
            return Math.max(read(passed, 0, passed.length), 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** The package's bytes go out and, until the hash is known from a manifest, to the hashing thread. */
    static final class Fork extends OutputStream {
        private final OutputStream out;
        private ParallelSha256 hash;

        Fork(OutputStream out, ParallelSha256 hash) {
            this.out = out;
            this.hash = hash;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (hash != null) {
                hash.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        String hex() throws IOException {
            return hash.hex();
        }

        void stopHashing() {
            if (hash != null) {
                hash.close();
                hash = null;
            }
        }

        @Override
        public void close() throws IOException {
            out.flush(); // the caller owns the stream
        }
    }

    /** Counts what the package would be, whether or not the bytes were skipped. */
    static final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            count++;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            out.write(b, off, len);
        }
    }

    /** Drops the first bytes of a resumed download. */
    static final class Skipping extends java.io.FilterOutputStream {
        private long skip;

        Skipping(OutputStream out, long skip) {
            super(out);
            this.skip = skip;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (skip >= len) {
                skip -= len;
                return;
            }
            int from = (int) skip;
            skip = 0;
            out.write(b, off + from, len - from);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
