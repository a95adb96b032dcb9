package org.iep.core.blob;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Group commit of directory forces: puts that renamed into the same directory at about the same time share one
 * fsync of it. A caller waits for a force that started after its own call (so it covers the caller's rename): if one
 * is running, the callers that arrive meanwhile wait for it to end and then one of them forces for all of them. With
 * one writer this is one force per call, as before; with N concurrent writers it is about one per N. A failed force
 * fails every caller it was for. Thread-safe.
 */
final class DirectorySyncs {
    /** What forcing a directory means; the store uses {@link DurableFiles#forceDirectory}. */
    @FunctionalInterface
    interface Forcer {
        void force(Path dir) throws IOException;
    }

    private final Map<Path, Sync> syncs = new HashMap<>();
    private final Forcer forcer;

    DirectorySyncs() {
        this(DurableFiles::forceDirectory);
    }

    DirectorySyncs(Forcer forcer) {
        this.forcer = forcer;
    }

    /** Returns once a force of {@code dir} that began after this call has completed. */
    void force(Path dir) throws IOException {
        Sync s;
        synchronized (syncs) {
            s = syncs.computeIfAbsent(dir, d -> new Sync());
        }
        Batch mine;
        synchronized (s) {
            mine = s.open;
            mine.members++;
            while (!mine.done) {
                if (!s.running && s.open == mine) {
                    s.running = true;
                    s.open = new Batch();
                    break;
                }
                try {
                    s.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while forcing " + dir);
                }
            }
            if (mine.done) {
                rethrow(mine);
                return;
            }
        }
        lead(dir, s, mine);
    }

    private void lead(Path dir, Sync s, Batch mine) throws IOException {
        IOException failure = null;
        try {
            forcer.force(dir);
        } catch (IOException e) {
            failure = e;
        }
        synchronized (s) {
            mine.done = true;
            mine.failure = failure;
            s.running = false;
            s.notifyAll();
            if (s.open.members == 0) {
                synchronized (syncs) {
                    syncs.remove(dir, s); // idle: a caller still holding s forces on its own, which stays correct
                }
            }
        }
        rethrow(mine);
    }

    private static void rethrow(Batch b) throws IOException {
        if (b.failure instanceof NoSuchFileException gone) {
            // not a disk failure: a purge removed the directory; each caller decides what to force instead
            throw new NoSuchFileException(gone.getFile(), null, "removed while being forced");
        }
        if (b.failure != null) {
            throw new IOException("forcing the directory failed for this and concurrent writes", b.failure);
        }
    }

    /** The forces of one directory: at most one running, and the batch of callers waiting for the next. */
    private static final class Sync {
        Batch open = new Batch();
        boolean running;
    }

    /** The callers one force is for. */
    private static final class Batch {
        int members;
        boolean done;
        IOException failure;
    }
}
