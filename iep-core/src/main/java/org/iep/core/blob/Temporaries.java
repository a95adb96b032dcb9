package org.iep.core.blob;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary files of puts in progress, in one directory on the same file system as the blobs so that renames
 * are atomic. Remembers which ones this instance is still writing, so collecting never removes them. Thread-safe.
 */
final class Temporaries {
    private static final Logger LOG = LoggerFactory.getLogger(Temporaries.class);

    private final Path dir;
    private final Clock clock;
    private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();

    Temporaries(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    Path dir() {
        return dir;
    }

    /** A fresh name in the temp directory; the file itself is created by the caller. */
    Path create() {
        Path p = dir.resolve(UUID.randomUUID().toString());
        inFlight.add(p);
        return p;
    }

    /** Removes a temp file that was not moved into place; one that cannot be removed is left to {@link #collect}. */
    void discard(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not remove temporary blob file {}; collecting temporaries will retry", temp, e);
        } finally {
            inFlight.remove(temp);
        }
    }

    /** Removes files older than {@code olderThan} that this instance is not writing; returns how many. */
    int collect(Duration olderThan) throws IOException {
        Instant cutoff = clock.instant().minus(olderThan);
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Optional<BasicFileAttributes> a = DurableFiles.attributes(p);
                if (a.isPresent() && !inFlight.contains(p) && a.get().lastModifiedTime().toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            LOG.info("Removed {} abandoned temporary blob file(s) from {}", removed, dir);
        }
        return removed;
    }
}
