package org.iep.core.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.InstanceIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes instance blobs ({@code tx/<transaction>/instances/…}) that no index record references and that are older than a grace period — left behind by
 * a crash, a refused instance whose clean-up failed, or a duplicate. The grace period (longer than any ingest
 * takes) keeps blobs of ingests still in flight; a blob's age comes from its key ({@code <millis>-<id>}).
 * Idempotent and safe to run on several nodes at once. Thread-safe.
 */
public final class OrphanCollector {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanCollector.class);
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    private final BlobStore blobs;
    private final InstanceIndex index;
    private final Duration grace;

    public OrphanCollector(BlobStore blobs, InstanceIndex index, Duration grace) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.index = Objects.requireNonNull(index, "index");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /** Returns how many orphans were deleted. */
    public int collect(Instant now) {
        Instant cutoff = now.minus(grace);
        int deleted = 0;
        List<BlobKey> keys = blobs.list(Ingest.TRANSACTIONS).stream().filter(Ingest::isInstanceBlob).toList();
        for (BlobKey key : keys) {
            Instant written = writtenAt(key);
            if (written.isBefore(cutoff) && !index.references(key) && blobs.delete(key)) {
                deleted++;
            }
        }
        if (deleted > 0) {
            LOG.info("Deleted {} orphaned instance blobs (of {})", deleted, keys.size());
        }
        return deleted;
    }

    /** Names not made by ingest count as old, so stray objects among the instances are collected too. */
    static Instant writtenAt(BlobKey key) {
        String name = key.value().substring(key.value().lastIndexOf('/') + 1);
        int dash = name.indexOf('-');
        try {
            return Instant.ofEpochMilli(Long.parseLong(dash < 0 ? name : name.substring(0, dash)));
        } catch (NumberFormatException e) {
            return Instant.EPOCH;
        }
    }
}
