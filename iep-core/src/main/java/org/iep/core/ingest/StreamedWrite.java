package org.iep.core.ingest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.Part10Rewriter;
import org.iep.dicom.io.ReadOptions;

/**
 * Re-writes a DICOM stream straight into the blob store, in constant memory: one thread parses and re-encodes the
 * input into a pipe (digesting what it writes), the caller's thread hands the pipe to {@link BlobStore#put}. If the
 * input turns out broken or truncated, the pipe reports an error instead of an end, so the store discards the
 * partial blob rather than committing it. Thread-safe; each call is independent.
 */
final class StreamedWrite {
    private static final int PIPE_BYTES = 256 * 1024;
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "iep-ingest-writer");
        t.setDaemon(true);
        return t;
    });

    /** What was stored and what the producer measured while writing it. */
    record Written(BlobInfo info, DicomFile header, String sha256, long size) {
    }

    private StreamedWrite() {
    }

    static Written write(BlobStore blobs, BlobKey key, InputStream source, Attributes extraMeta,
                         Checkpoints checkpoints) {
        PipedInputStream in = new PipedInputStream(PIPE_BYTES);
        Measured out;
        try {
            out = new Measured(new PipedOutputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Future<DicomFile> producer = WRITERS.submit(() -> {
            try (Measured o = out) {
                return new Part10Rewriter(ReadOptions.LENIENT).rewrite(source, extraMeta,
                        new CheckpointOnce(o, checkpoints, Ingest.STEP_WRITING));
            }
        });
        BlobInfo info;
        try {
            info = blobs.put(key, new ProducerChecked(in, producer));
        } catch (RuntimeException e) {
            producer.cancel(true);
            closeQuietly(in);
            unwrap(producer, e);
            throw e;
        }
        return new Written(info, result(producer), out.sha256(), out.count());
    }

    private static DicomFile result(Future<DicomFile> producer) {
        try {
            return producer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing an instance", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** When the store failed because the producer did, the producer's error is the one to report. */
    private static void unwrap(Future<DicomFile> producer, RuntimeException storeFailure) {
        if (producer.isDone() && !producer.isCancelled()) {
            try {
                producer.get();
            } catch (ExecutionException e) {
                RuntimeException cause = rethrow(e.getCause());
                cause.addSuppressed(storeFailure);
                throw cause;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new UncheckedIOException(new IOException("storing an instance failed", t));
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
        private final Future<DicomFile> producer;

        ProducerChecked(PipedInputStream in, Future<DicomFile> producer) {
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
                throw new IOException("the instance could not be read to its end", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }
    }

    /** Counts and digests what passes. */
    private static final class Measured extends FilterOutputStream {
        private final MessageDigest sha;
        private long count;

        Measured(OutputStream out) {
            super(out);
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sha.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sha.update(b, off, len);
            count += len;
        }

        String sha256() {
            return HexFormat.of().formatHex(sha.digest());
        }

        long count() {
            return count;
        }
    }

    /** Reports one checkpoint once the first 64 KiB are through: the blob is then partly written. */
    private static final class CheckpointOnce extends FilterOutputStream {
        private final Checkpoints checkpoints;
        private final String step;
        private long count;
        private boolean reached;

        CheckpointOnce(OutputStream out, Checkpoints checkpoints, String step) {
            super(out);
            this.checkpoints = checkpoints;
            this.step = step;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
            if (!reached && count >= 64 * 1024) {
                reached = true;
                out.flush();
                checkpoints.reached(step);
            }
        }
    }
}
