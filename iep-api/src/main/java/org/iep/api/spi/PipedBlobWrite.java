package org.iep.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link BlobStore#write} for stores that only read: the writer runs on a daemon thread into a pipe that
 * {@link BlobStore#put} reads, in constant memory. A writer that fails turns the pipe's end into a read error, so the
 * store discards the partial blob instead of committing it; the writer's own exception is what the caller sees.
 */
final class PipedBlobWrite {
    private static final int PIPE_BYTES = 256 * 1024;
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "iep-blob-writer");
        t.setDaemon(true);
        return t;
    });

    private PipedBlobWrite() {
    }

    static BlobInfo write(BlobStore store, BlobKey key, BlobWriter writer) {
        PipedInputStream in = new PipedInputStream(PIPE_BYTES);
        OutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Future<Void> producer = WRITERS.submit(() -> {
            try (OutputStream o = out) {
                writer.writeTo(o);
            }
            return null;
        });
        BlobInfo info;
        try {
            info = store.put(key, new ProducerChecked(in, producer));
        } catch (RuntimeException e) {
            producer.cancel(true);
            closeQuietly(in);
            if (producer.isDone() && !producer.isCancelled()) {
                RuntimeException cause = failureOf(producer);
                if (cause != null) {
                    cause.addSuppressed(e);
                    throw cause;
                }
            }
            throw e;
        }
        RuntimeException failed = failureOf(producer);
        if (failed != null) {
            // the writer failed after the store saw a clean end (it cannot, as the pipe reports the failure first)
            store.delete(key);
            throw failed;
        }
        return info;
    }

    /** The producer's failure as the caller should see it, or null when it finished cleanly. */
    private static RuntimeException failureOf(Future<Void> producer) {
        try {
            producer.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while writing a blob", e);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException r) {
                return r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            return new UncheckedIOException(t instanceof IOException io ? io : new IOException(t));
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing the read end only unblocks the producer; nothing to report
        }
    }

    /** Reads the pipe; at its end, turns a failed producer into a read error so the store does not commit. */
    private static final class ProducerChecked extends InputStream {
        private final PipedInputStream in;
        private final Future<Void> producer;

        ProducerChecked(PipedInputStream in, Future<Void> producer) {
            this.in = in;
            this.producer = producer;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                check();
                throw e;
            }
            if (n < 0) {
                check();
            }
            return n;
        }

        private void check() throws IOException {
            try {
                producer.get();
            } catch (ExecutionException e) {
                throw new IOException("the blob's writer failed before its end", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }
    }
}
