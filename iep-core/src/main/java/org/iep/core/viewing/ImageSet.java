package org.iep.core.viewing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.content.IndexedInstance;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.Transaction;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;

/**
 * The images of one transaction someone was just allowed to see. Only obtained from {@link Images}; lookups never
 * reach another transaction's instances, whatever UIDs a request names.
 */
public final class ImageSet {
    private static final Comparator<IndexedInstance> ORDER = Comparator.comparing(IndexedInstance::studyInstanceUid)
            .thenComparing(IndexedInstance::seriesInstanceUid).thenComparing(IndexedInstance::received)
            .thenComparing(IndexedInstance::sopInstanceUid);
    private final Transaction transaction;
    private final InstanceIndex index;
    private final BlobStore blobs;

    ImageSet(Transaction transaction, InstanceIndex index, BlobStore blobs) {
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.index = index;
        this.blobs = blobs;
    }

    public Transaction transaction() {
        return transaction;
    }

    /** Instances, optionally of one study and one series, in study / series / arrival order. */
    public List<IndexedInstance> instances(Optional<String> study, Optional<String> series) {
        return index.byTransaction(transaction.id()).stream()
                .filter(i -> study.map(i.studyInstanceUid()::equals).orElse(true))
                .filter(i -> series.map(i.seriesInstanceUid()::equals).orElse(true))
                .sorted(ORDER).toList();
    }

    /** One instance, if it belongs to this transaction under that study and series. */
    public Optional<IndexedInstance> instance(String study, String series, String sop) {
        return index.find(transaction.id(), sop)
                .filter(i -> i.studyInstanceUid().equals(study) && i.seriesInstanceUid().equals(series));
    }

    /** The stored Part 10 file; the caller closes it. */
    public InputStream open(IndexedInstance i) {
        requireOwn(i);
        return blobs.open(i.blob(), ByteRange.ALL);
    }

    /** The file meta and data set up to the pixel data. */
    public DicomFile header(IndexedInstance i) {
        requireOwn(i);
        try (InputStream in = blobs.open(i.blob(), ByteRange.ALL); DicomReader r = DicomReader.open(in)) {
            return r.readUntilPixelData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireOwn(IndexedInstance i) {
        if (!i.transaction().equals(transaction.id())) {
            throw new IllegalArgumentException("instance of another transaction");
        }
    }
}
