package org.iep.core.packaging;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 of everything written, computed on a thread of its own so that hashing (about 1.4 GB/s with the SHA
 * intrinsics) overlaps reading and zipping instead of following them. Bytes are gathered into 1 MiB chunks and
 * handed over through a queue of four, so memory stays bounded and a slow hash slows the writer down rather than
 * queueing the package. Not thread-safe: one writer, then {@link #hex()} once.
 */
final class ParallelSha256 extends OutputStream {
    private static final int CHUNK = 1 << 20;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> full = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(6);
    private final Thread hasher;
    private final MessageDigest sha = sha256();
    private volatile Throwable failure;
    private byte[] current = new byte[CHUNK];
    private int used;
    private boolean finished;

    ParallelSha256() {
        for (int i = 0; i < 5; i++) {
            empty.add(new byte[CHUNK]);
        }
        hasher = new Thread(this::run, "iep-package-sha256");
        hasher.setDaemon(true);
        hasher.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            off += n;
            len -= n;
            if (used == CHUNK) {
                handOver(current);
                current = take(empty);
                used = 0;
            }
        }
    }

    /** Waits for the hash of everything written and returns it in lower-case hex. */
    String hex() throws IOException {
        if (!finished) {
            finished = true;
            if (used > 0) {
                handOver(java.util.Arrays.copyOf(current, used));
            }
            handOver(END);
            try {
                hasher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing the package");
            }
        }
        if (failure != null) {
            throw new IOException("hashing the package failed", failure);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Stops the hashing thread when the package was abandoned half way. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            hasher.interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                byte[] chunk = full.take();
                if (chunk == END) {
                    return;
                }
                sha.update(chunk);
                if (chunk.length == CHUNK) {
                    empty.offer(chunk);
                }
            }
        } catch (InterruptedException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void handOver(byte[] chunk) throws IOException {
        if (failure != null) {
            throw new IOException("hashing the package failed", failure);
        }
        try {
            while (!full.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                failIfHasherDied();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the package");
        }
    }

    private byte[] take(BlockingQueue<byte[]> q) throws IOException {
        try {
            byte[] b;
            while ((b = q.poll(100, TimeUnit.MILLISECONDS)) == null) {
                failIfHasherDied();
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the package");
        }
    }

    private void failIfHasherDied() throws IOException {
        if (failure != null || !hasher.isAlive()) {
            throw new IOException("hashing the package failed", failure);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
