package org.iep.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Message;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Attachment;
import org.iep.api.transaction.AttachmentId;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.Auditor;
import org.iep.core.id.IdGenerator;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestResult;
import org.iep.core.ingest.IngestSource;
import org.iep.core.report.Reports;

/**
 * The second phase of confirming an upload, once everything was checked: instances go through ingest (idempotent,
 * so a repeated commit after a crash completes without duplicates), attachments are written under the transaction
 * and then recorded on it in one update.
 */
final class UploadCommit {
    private static final int MAX_ATTEMPTS = 5;
    private final TransactionStore store;
    private final BlobStore blobs;
    private final Ingest ingest;
    private final Auditor auditor;
    private final IdGenerator ids;
    private final Clock clock;
    private final UploadLimits limits;

    UploadCommit(TransactionStore store, BlobStore blobs, Ingest ingest, Auditor auditor, IdGenerator ids,
                 Clock clock, UploadLimits limits) {
        this.store = store;
        this.blobs = blobs;
        this.ingest = ingest;
        this.auditor = auditor;
        this.ids = ids;
        this.clock = clock;
        this.limits = limits;
    }

    /** @param message what the uploader wrote with the upload (validated), or empty */
    UploadReceipt commit(Transaction t, List<Planned> plans, IngestSource by, LongConsumer progress,
                         Optional<Message> message) {
        Counts counts = new Counts(progress);
        for (Planned p : plans) {
            if (p.kind() == ContentKind.ZIP) {
                try (SafeZip zip = SafeZip.open(new StagedChannel(blobs, p.file()), limits)) {
                    for (Planned.PlannedEntry pe : p.entries()) {
                        SafeZip.Entry e = zip.entries().stream().filter(x -> x.name().equals(pe.name())).findFirst()
                                .orElseThrow(() -> new IllegalStateException("entry vanished: " + pe.name()));
                        try (InputStream in = zip.open(e)) {
                            store(t, pe.kind(), baseName(pe.name()), in, pe.size(), by, counts);
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    }
                }
            } else {
                try (InputStream in = p.file().open(blobs)) {
                    store(t, p.kind(), baseName(p.file().name()), in, p.file().size(), by, counts);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
        if (!counts.attachments.isEmpty() || message.isPresent()) {
            record(t, counts.attachments, message, by);
        }
        return new UploadReceipt(counts.stored, counts.repeated, counts.attachments, counts.ignored, counts.bytes);
    }

    private void store(Transaction t, ContentKind kind, String name, InputStream in, long size, IngestSource by,
                       Counts counts) {
        switch (kind) {
            case DICOM -> {
                IngestResult r = ingest.ingest(t.id(), in, by);
                if (r instanceof IngestResult.Stored) {
                    counts.stored++;
                } else {
                    counts.repeated++;
                }
            }
            case DICOMDIR -> counts.ignored.add(name);
            default -> {
                AttachmentId id = new AttachmentId(ids.newId());
                BlobInfo info = blobs.put(Reports.attachmentKey(t.id(), id), in);
                counts.attachments.add(new Attachment(id, name, kind.mediaType(), info.size(), info.sha256(), ""));
            }
        }
        counts.add(size);
    }

    /**
     * Records the attachments and the uploader's message on the transaction in one change, re-reading it when
     * ingest changed it meanwhile.
     */
    private void record(Transaction first, List<Attachment> attachments, Optional<Message> message, IngestSource by) {
        ConflictException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Transaction t = attempt == 0 ? store.find(first.id()).orElse(first) : store.find(first.id())
                    .orElseThrow();
            List<Attachment> all = new ArrayList<>(t.attachments());
            all.addAll(attachments);
            List<Message> thread = new ArrayList<>(t.messages());
            message.ifPresent(thread::add);
            try {
                Transaction stored = store.commit(TransactionChanges.update(t.toBuilder().attachments(all)
                        .messages(thread).updated(clock.instant()).build())).get(0);
                if (!attachments.isEmpty()) {
                    auditor.record(by.by(), "attachment.added", stored, Outcome.SUCCESS, by.client(),
                            attachments.size() + " attachment(s) from an upload");
                }
                if (message.isPresent()) {
                    auditor.record(by.by(), "transaction.message", stored, Outcome.SUCCESS, by.client(),
                            "messages=" + thread.size() + " (with an upload)");
                }
                return;
            } catch (ConflictException e) {
                if (e.errorCode() != CoreErrorCode.CONCURRENT_MODIFICATION) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static final class Counts {
        final LongConsumer progress;
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();
        int stored;
        int repeated;
        long bytes;

        Counts(LongConsumer progress) {
            this.progress = progress;
        }

        void add(long n) {
            bytes += n;
            progress.accept(bytes);
        }
    }
}
