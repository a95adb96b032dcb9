package org.iep.core.blob;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.READ;

import com.google.common.io.ByteStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.NotFoundException;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.BlobWriter;
import org.iep.api.spi.ByteRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files under a root directory: the embedded default. Thread-safe; one instance per root.
 *
 * <p>Layout: {@code <root>/blobs/a/b/c@blob} holds key {@code a/b/c}, its {@link Sidecar} (size, SHA-256, identity of
 * the file) in the file's user attribute {@code user.iep.blob} or, where the file system has no user attributes, in
 * {@code c@sha256} beside it; {@code <root>/.tmp/} holds writes in progress. Key segments
 * are directories. The {@code @} cannot occur in a key, so {@code a/b} (file {@code b@blob}) and {@code a/b/c}
 * (directory {@code b}) coexist; keys live below {@code blobs/}, so none can reach {@code .tmp}. Blob files hold
 * the raw content, so an operator can copy them out as they are.
 *
 * <p>A put (or a write, which takes the producer's bytes directly) streams through a 64 KiB buffer into a temporary
 * file while hashing, forces it to disk, re-reads it to verify the hash, attaches the sidecar (not forced: it is
 * checked against the file it describes; a sidecar file is renamed into place first), renames the blob into place
 * (atomic, replacing) and forces the directory. With attributes a put creates one file, not two: a new inode is the
 * dearest step of a small put on the disks we measured (BENCHMARKS.md). A crash leaves either the old blob or the
 * new one, never a torn one; temp files it leaves behind are removed by {@link #collectTemporaries}. {@code stat}
 * reads the sidecar and re-hashes only when the sidecar does not describe the file (after such a crash).
 */
public final class FileSystemBlobStore implements BlobStore {
    static final String BLOB_SUFFIX = "@blob";
    static final String SIDECAR_SUFFIX = "@sha256";
    static final String BLOBS_DIR = "blobs";
    static final String TEMP_DIR = ".tmp";
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBlobStore.class);
    private static final int COMMIT_ATTEMPTS = 5;

    private final Path root;
    private final Path blobs;
    private final Temporaries temps;
    private final KeyLocks locks = new KeyLocks();
    private final DirectorySyncs directorySyncs;
    private final boolean sidecarAttributes;

    /** A store on {@code root} (created if missing), ageing temporary files by the system clock. */
    public FileSystemBlobStore(Path root) {
        this(root, Clock.systemUTC());
    }

    /** A store on {@code root}; {@code clock} must follow the file system's time, as file ages are compared. */
    public FileSystemBlobStore(Path root, Clock clock) {
        this(root, clock, true);
    }

    /** {@code attributes} false keeps sidecars in files even where the file system has user attributes (tests). */
    FileSystemBlobStore(Path root, Clock clock, boolean attributes) {
        this(root, clock, attributes, DurableFiles::forceDirectory);
    }

    /** With {@code forcer} for directory forces (tests: a purge racing the force). */
    FileSystemBlobStore(Path root, Clock clock, boolean attributes, DirectorySyncs.Forcer forcer) {
        this.directorySyncs = new DirectorySyncs(forcer);
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.blobs = this.root.resolve(BLOBS_DIR);
        this.temps = new Temporaries(this.root.resolve(TEMP_DIR), Objects.requireNonNull(clock, "clock"));
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(temps.dir());
        } catch (IOException e) {
            throw failure("create the blob directories", this.root.toString(), e);
        }
        this.sidecarAttributes = attributes && Sidecar.attributesWork(temps.dir());
        if (!sidecarAttributes) {
            LOG.info("Blob sidecars under {} are kept in files: {}", this.root, attributes
                    ? "the file system has no user attributes" : "asked for");
        }
    }

    /** Whether sidecars are kept in the blobs' user attributes (else in files beside them). */
    boolean sidecarsInAttributes() {
        return sidecarAttributes;
    }

    @Override
    public BlobInfo put(BlobKey key, InputStream content) {
        Objects.requireNonNull(content, "content");
        return store(key, out -> {
            byte[] buffer = new byte[HashingFileOutput.BUFFER_SIZE];
            for (int n; (n = readContent(key, content, buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        });
    }

    /** Takes the writer's bytes straight into the temporary file: no pipe, no second thread. */
    @Override
    public BlobInfo write(BlobKey key, BlobWriter writer) {
        Objects.requireNonNull(writer, "writer");
        return store(key, writer);
    }

    private BlobInfo store(BlobKey key, BlobWriter writer) {
        Path blobTemp = temps.create();
        Path sidecarTemp = sidecarAttributes ? null : temps.create();
        try {
            Sidecar sidecar = writeVerified(key, writer, blobTemp);
            // Not forced: a sidecar proves itself (size, identity), and a torn or missing one is recomputed by
            // stat; the directory force in commit makes the renames durable. One fsync less per put.
            if (sidecarTemp == null) {
                sidecar.attachTo(blobTemp);
            } else {
                DurableFiles.writeUnforced(sidecarTemp, sidecar.encode());
            }
            commit(key, blobTemp, sidecarTemp);
            return sidecar.info(key);
        } catch (IOException e) {
            throw failure("store", key.value(), e);
        } finally {
            temps.discard(blobTemp);
            if (sidecarTemp != null) {
                temps.discard(sidecarTemp);
            }
        }
    }

    @Override
    public Optional<BlobInfo> stat(BlobKey key) {
        try {
            Optional<BasicFileAttributes> file = DurableFiles.attributes(blobPath(key));
            if (file.isEmpty()) {
                return Optional.empty();
            }
            Optional<Sidecar> sidecar = sidecarOf(key, file.get());
            return sidecar.isPresent() ? Optional.of(sidecar.get().info(key)) : repairSidecar(key);
        } catch (IOException e) {
            throw failure("stat", key.value(), e);
        }
    }

    @Override
    public InputStream open(BlobKey key, ByteRange range) {
        FileChannel channel;
        try {
            channel = FileChannel.open(blobPath(key), READ);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("Blob " + key);
        } catch (IOException e) {
            throw failure("open", key.value(), e);
        }
        try {
            // Blob files never change once in place, so their size is final; seeking far past it fails on Linux.
            channel.position(Math.min(range.offset(), channel.size()));
        } catch (IOException e) {
            closeAfterFailure(channel, e);
            throw failure("open", key.value(), e);
        }
        InputStream in = Channels.newInputStream(channel);
        return range.length() == ByteRange.TO_END ? in : ByteStreams.limit(in, range.length());
    }

    @Override
    public boolean delete(BlobKey key) {
        Path blob = blobPath(key);
        try {
            boolean existed;
            synchronized (locks.of(key)) {
                existed = Files.deleteIfExists(blob);
                Files.deleteIfExists(sidecarPath(key));
                if (existed) {
                    forceSurviving(blob.getParent());
                }
            }
            pruneEmptyDirectories(blob.getParent());
            return existed;
        } catch (IOException e) {
            throw failure("delete", key.value(), e);
        }
    }

    @Override
    public long deleteAll(BlobKey prefix) {
        long count = delete(prefix) ? 1 : 0;
        Path dir = directoryOf(prefix);
        try {
            count += new TreeWalk(blobs).deleteTree(dir);
            pruneEmptyDirectories(dir.getParent());
            return count;
        } catch (IOException e) {
            throw failure("delete everything under", prefix.value(), e);
        }
    }

    @Override
    public List<BlobKey> list(BlobKey prefix) {
        try {
            return new TreeWalk(blobs).keys(prefix, blobPath(prefix), directoryOf(prefix));
        } catch (IOException e) {
            throw failure("list", prefix.value(), e);
        }
    }

    /**
     * Removes temporary files older than {@code olderThan} that no put of this instance is writing: leftovers of
     * crashes or killed processes. Returns how many were removed. Choose an age well above the slowest upload,
     * since another process sharing the root may still be writing its own temporaries.
     */
    public int collectTemporaries(Duration olderThan) {
        try {
            return temps.collect(olderThan);
        } catch (IOException e) {
            throw failure("collect temporary files in", temps.dir().toString(), e);
        }
    }

    private Sidecar writeVerified(BlobKey key, BlobWriter writer, Path temp) throws IOException {
        String written;
        long size;
        try (HashingFileOutput out = new HashingFileOutput(temp)) {
            try {
                writer.writeTo(out);
            } catch (IOException e) {
                if (out.diskFailure() != null) {
                    throw e; // the disk's failure: the store reports it
                }
                throw new UncheckedIOException(e); // the writer's own: it reaches the caller as it is
            }
            written = out.finish();
            size = out.size();
        }
        String reread = Sha256.ofFile(temp, new byte[HashingFileOutput.BUFFER_SIZE]);
        if (!written.equals(reread)) {
            throw new InfrastructureException(CoreErrorCode.INTEGRITY_FAILURE, "Blob " + key
                    + " read back from disk differs from what was written (SHA-256 " + reread + " instead of "
                    + written + "); nothing was stored. Check the disk under " + root + ".", true, null);
        }
        return Sidecar.of(size, written, Files.readAttributes(temp, BasicFileAttributes.class));
    }

    private static int readContent(BlobKey key, InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new InfrastructureException(CoreErrorCode.STORAGE_FAILURE, "Reading the content for blob " + key
                    + " failed; nothing was stored. Send the content again.", false, e);
        }
    }

    /**
     * Renames the sidecar file, if any, then the blob into place under the key's lock, so one process never pairs
     * them wrongly. A sidecar file left by an older put of the key stays: the attribute is read first, and the
     * file no longer describes the blob.
     */
    private void commit(BlobKey key, Path blobTemp, Path sidecarTemp) throws IOException {
        Path target = blobPath(key);
        synchronized (locks.of(key)) {
            for (int attempt = 1; ; attempt++) {
                try {
                    DurableFiles.createDirectories(target.getParent());
                    if (sidecarTemp != null && Files.exists(sidecarTemp)) {
                        Files.move(sidecarTemp, sidecarPath(key), ATOMIC_MOVE, REPLACE_EXISTING);
                    }
                    Files.move(blobTemp, target, ATOMIC_MOVE, REPLACE_EXISTING);
                } catch (NoSuchFileException e) {
                    // A concurrent delete pruned the directory between its creation and our rename: create it again.
                    if (attempt == COMMIT_ATTEMPTS) {
                        throw e;
                    }
                    continue;
                }
                forceSurviving(target.getParent());
                return;
            }
        }
    }

    /**
     * Forces {@code dir} (group-committed with puts renaming into it meanwhile); when a concurrent purge removed it
     * after our rename or unlink, forces the nearest directory still there instead, which lost that entry: either way
     * what this call did, or the purge after it, survives a crash.
     */
    private void forceSurviving(Path dir) throws IOException {
        for (Path p = dir; ; p = p.getParent()) {
            try {
                directorySyncs.force(p);
                return;
            } catch (NoSuchFileException e) {
                if (p.equals(blobs) || !p.startsWith(blobs)) {
                    throw e;
                }
            }
        }
    }

    private Optional<BlobInfo> repairSidecar(BlobKey key) throws IOException {
        synchronized (locks.of(key)) {
            Optional<BasicFileAttributes> file = DurableFiles.attributes(blobPath(key));
            if (file.isEmpty()) {
                return Optional.empty();
            }
            Optional<Sidecar> sidecar = sidecarOf(key, file.get());
            if (sidecar.isPresent()) {
                return Optional.of(sidecar.get().info(key));
            }
            LOG.warn("Blob {} has no sidecar describing it (left by a crash); re-hashing it once", key);
            String sha;
            try {
                sha = Sha256.ofFile(blobPath(key), new byte[HashingFileOutput.BUFFER_SIZE]);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            Sidecar repaired = Sidecar.of(file.get().size(), sha, file.get());
            if (sidecarAttributes) {
                repaired.attachTo(blobPath(key)); // not forced, as in a put: a torn one is recomputed again
                Files.deleteIfExists(sidecarPath(key)); // a stale file of an older store, if any
                return Optional.of(repaired.info(key));
            }
            Path temp = temps.create();
            try {
                DurableFiles.write(temp, repaired.encode());
                Files.move(temp, sidecarPath(key), ATOMIC_MOVE, REPLACE_EXISTING);
                DurableFiles.forceDirectory(sidecarPath(key).getParent());
            } finally {
                temps.discard(temp);
            }
            return Optional.of(repaired.info(key));
        }
    }

    /** The sidecar describing the blob as it is now: its attribute, else a sidecar file (older stores, fallback). */
    private Optional<Sidecar> sidecarOf(BlobKey key, BasicFileAttributes file) throws IOException {
        if (sidecarAttributes) {
            Optional<Sidecar> attached = Sidecar.attachedTo(blobPath(key), file);
            if (attached.isPresent() && attached.get().describes(file)) {
                return attached;
            }
        }
        return Sidecar.read(sidecarPath(key)).filter(s -> s.describes(file));
    }

    private void pruneEmptyDirectories(Path dir) throws IOException {
        for (Path p = dir; p.startsWith(blobs) && !p.equals(blobs); p = p.getParent()) {
            if (!TreeWalk.deleteIfEmpty(p)) {
                return;
            }
        }
    }

    private static void closeAfterFailure(FileChannel channel, IOException failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    Path blobPath(BlobKey key) {
        Path dir = directoryOf(key);
        return dir.resolveSibling(dir.getFileName() + BLOB_SUFFIX);
    }

    private Path sidecarPath(BlobKey key) {
        Path dir = directoryOf(key);
        return dir.resolveSibling(dir.getFileName() + SIDECAR_SUFFIX);
    }

    /** The directory holding the keys below {@code key}; BlobKey's grammar makes every segment a safe name. */
    private Path directoryOf(BlobKey key) {
        return blobs.resolve(key.value());
    }

    /** The one place where an I/O failure becomes the port's exception. */
    private InfrastructureException failure(String action, String what, IOException e) {
        return new InfrastructureException(CoreErrorCode.STORAGE_FAILURE, "Could not " + action + " blob " + what
                + " in " + root + " (" + e + "). Check free space and permissions of that directory.", true, e);
    }
}
