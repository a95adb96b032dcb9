package org.iep.core.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.zip.CRC32;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;

/**
 * Reads the first package of a content ahead of the copy, on a thread of its own, so that the download's thread only
 * computes CRC-32s, parses headers and writes: a stored zip declares each entry's CRC-32 before its bytes, so each
 * file must be read before it is written. Files up to {@code whole} bytes are read once, into buffers that hold at
 * most {@link #BUFFER_BUDGET} bytes together (at least two; the download then takes their CRC-32 and writes them from
 * memory); larger ones are only read for their CRC-32
 * (the download reads them again as it copies), at most {@link #WINDOW} bytes ahead, so a download abandoned half
 * way has not read the study. Not thread-safe: one consumer calls {@link #next} in order and {@link #release}s each entry, then
 * {@link #close}.
 */
final class ReadAhead implements AutoCloseable {
    static final long WINDOW = 64L << 20;
    /**
     * What the buffers of files read whole may hold together: with a handful of buffers the two threads keep waking
     * each other (1,000 files of 0.5 MB: 0.17 s with 3 buffers, 0.11 s with 8 or more, on this machine).
     */
    static final long BUFFER_BUDGET = 16L << 20;
    private static final int MIN_BUFFERS = 2;
    private static final int MAX_BUFFERS = 64;
    private static final int CHUNK = 256 * 1024;

    /**
     * A file read whole ({@code bytes}, of which {@code length} are its) or a large file ({@code bytes} null), and
     * its CRC-32 when {@code crcKnown}. The reader takes the CRC-32 of a file read whole only while the download is
     * behind (entries wait for it); otherwise whoever asks computes it, on the download's thread: the work goes to
     * whichever thread has time for it.
     */
    record Entry(BlobKey key, long knownCrc, boolean crcKnown, byte[] bytes, int length) {
        long crc() {
            if (crcKnown) {
                return knownCrc;
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, length);
            return crc.getValue();
        }
    }

    private final BlobStore blobs;
    private final List<BlobKey> keys;
    private final long[] sizes;
    private final int whole;
    private final Thread worker;
    private final Object lock = new Object();
    private final ArrayDeque<Entry> ready = new ArrayDeque<>();
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int taken;
    private long crcOnlyAhead;
    private Throwable failure;
    private volatile boolean closed;

    /**
     * Starts reading at once. {@code sizes} are the files' sizes as indexed: a file read whole must have exactly that
     * length; the others' sizes only bound the read-ahead.
     */
    ReadAhead(BlobStore blobs, List<BlobKey> keys, long[] sizes, int whole) {
        this(blobs, keys, sizes, whole, BUFFER_BUDGET);
    }

    /** With another budget for the buffers of files read whole (tests). */
    ReadAhead(BlobStore blobs, List<BlobKey> keys, long[] sizes, int whole, long bufferBudget) {
        if (keys.size() != sizes.length) {
            throw new IllegalArgumentException(keys.size() + " keys but " + sizes.length + " sizes");
        }
        this.blobs = blobs;
        this.keys = List.copyOf(keys);
        this.sizes = sizes.clone();
        long largest = 0;
        for (long size : sizes) {
            if (size <= whole) {
                largest = Math.max(largest, size);
            }
        }
        this.whole = whole;
        long count = largest == 0 ? 0 : Math.max(MIN_BUFFERS, Math.min(MAX_BUFFERS, bufferBudget / largest));
        for (int i = 0; i < count; i++) {
            free.add(new byte[(int) largest]);
        }
        worker = new Thread(this::run, "iep-package-read-ahead");
        worker.setDaemon(true);
        worker.start();
    }

    /** The next file's entry, waiting for it if the reader is behind. */
    Entry next() throws IOException {
        synchronized (lock) {
            if (taken >= keys.size()) {
                throw new IllegalStateException("all " + keys.size() + " files were taken");
            }
            try {
                while (ready.isEmpty() && failure == null) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the package ahead");
            }
            if (ready.isEmpty()) {
                if (failure instanceof RuntimeException r) {
                    throw r;
                }
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw new IOException("reading " + keys.get(taken) + " ahead failed", failure);
            }
            taken++;
            Entry e = ready.poll();
            if (e.bytes() == null) {
                crcOnlyAhead -= e.length();
            }
            lock.notifyAll();
            return e;
        }
    }

    /** Gives an entry's buffer back once its bytes are written. */
    void release(Entry e) {
        if (e.bytes() != null) {
            synchronized (lock) {
                free.add(e.bytes());
                lock.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private void run() {
        byte[] chunk = new byte[CHUNK];
        try {
            for (int i = 0; i < keys.size(); i++) {
                boolean readWhole = sizes[i] <= whole;
                byte[] buffer = null;
                synchronized (lock) {
                    while (!closed && (readWhole ? free.isEmpty()
                            : !ready.isEmpty() && crcOnlyAhead + Math.min(sizes[i], WINDOW) > WINDOW)) {
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    if (readWhole) {
                        buffer = free.poll();
                    }
                }
                Entry e = readWhole ? readWhole(keys.get(i), buffer, (int) sizes[i]) : crcOnly(keys.get(i), chunk,
                        (int) Math.min(sizes[i], Integer.MAX_VALUE));
                synchronized (lock) {
                    ready.add(e);
                    if (!readWhole) {
                        crcOnlyAhead += e.length();
                    }
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            fail(e);
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        }
    }

    private Entry readWhole(BlobKey key, byte[] buffer, int length) throws IOException {
        try (InputStream in = blobs.open(key, ByteRange.ALL)) {
            int read = in.readNBytes(buffer, 0, length);
            if (read != length || in.read() >= 0) {
                throw new IOException("stored file " + key + " is not the " + length + " bytes its index entry says");
            }
        }
        boolean downloadBehind;
        synchronized (lock) {
            downloadBehind = ready.size() >= 2;
        }
        if (!downloadBehind) {
            return new Entry(key, 0, false, buffer, length);
        }
        CRC32 crc = new CRC32();
        crc.update(buffer, 0, length);
        return new Entry(key, crc.getValue(), true, buffer, length);
    }

    /** A file too large to hold: its CRC-32 only; {@code length} is its size clamped to an int (for the window). */
    private Entry crcOnly(BlobKey key, byte[] chunk, int length) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = blobs.open(key, ByteRange.ALL)) {
            int n;
            while ((n = in.read(chunk)) > 0 && !closed) {
                crc.update(chunk, 0, n);
            }
        }
        return new Entry(key, crc.getValue(), true, null, length);
    }

    private void fail(Throwable t) {
        synchronized (lock) {
            failure = t;
            lock.notifyAll();
        }
    }
}
