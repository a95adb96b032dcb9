package org.iep.api.spi;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of immutable blobs (DICOM instances, attachments). Thread-safe.
 *
 * <p>Contract: {@link #put} streams in constant memory and returns only once the content is durable and its
 * SHA-256 verified; readers never see a partial blob — a put either becomes visible whole or not at all (also
 * when the process dies). Putting an existing key replaces it atomically. {@link #open} of a missing key throws
 * {@code NotFoundException}. Failures of the backing system throw {@code InfrastructureException}.
 */
public interface BlobStore {

    /** Stores {@code content} (read to its end, not closed) under {@code key}. */
    BlobInfo put(BlobKey key, InputStream content);

    /**
     * Stores what {@code writer} writes under {@code key}, with the guarantees of {@link #put}. A writer that throws
     * leaves no blob, and its exception reaches the caller (an {@code IOException} wrapped in
     * {@code UncheckedIOException}). The default pipes the writer into {@link #put} on a second thread; stores that
     * can take the bytes directly override it to save that hand-off.
     */
    default BlobInfo write(BlobKey key, BlobWriter writer) {
        return PipedBlobWrite.write(this, key, writer);
    }

    Optional<BlobInfo> stat(BlobKey key);

    /** Opens the range for reading; the caller closes the stream. A range past the end yields no bytes. */
    InputStream open(BlobKey key, ByteRange range);

    /** Deletes one blob; returns whether it existed. Idempotent. */
    boolean delete(BlobKey key);

    /** Deletes every blob at or under {@code prefix}; returns how many. Idempotent; used by purges. */
    long deleteAll(BlobKey prefix);

    /** Keys at or under {@code prefix}, in lexical order; used to collect orphans. */
    List<BlobKey> list(BlobKey prefix);
}
