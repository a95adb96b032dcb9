package org.iep.core.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.NotFoundException;
import org.iep.api.Problem;
import org.iep.api.audit.Outcome;
import org.iep.api.report.RejectedMessage;
import org.iep.api.report.ReportId;
import org.iep.api.report.StoredReport;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.ReportStore;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Attachment;
import org.iep.api.transaction.AttachmentId;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.id.IdGenerator;

/**
 * Receives reports and attaches them to studies. Thread-safe.
 *
 * <p>Order of durability, so a crash at any point loses nothing and duplicates nothing: the content is written to
 * a blob under a fresh internal ID, then the report record is inserted if its message key is new (this is the
 * durable point — an HL7 ACK follows it), then it is attached to every matching transaction. Attaching is
 * idempotent (the attachment ID is the report ID), so receiving the same key again re-runs it and completes
 * whatever a crash interrupted. Each transaction gets its own copy of the content under {@code tx/<id>/}, so the
 * transaction's purge removes it with the rest and the report's own purge never breaks a package.
 */
public final class Reports {
    /** Transactions are few per accession; the cap keeps one message from scanning the store. */
    static final int MAX_TRANSACTIONS_PER_REPORT = 200;
    private static final int MAX_ATTEMPTS = 5;
    private static final int PURGE_BATCH = 100;
    private static final int MAX_ORDER_FIELD = 64;
    private static final BlobKey REPORTS = BlobKey.of("reports");
    private static final java.time.format.DateTimeFormatter HOUR =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(java.time.ZoneOffset.UTC);

    private final ReportStore reports;
    private final TransactionStore transactions;
    private final BlobStore blobs;
    private final Auditor auditor;
    private final IdGenerator ids;
    private final Clock clock;
    private final ReportSettings settings;

    public Reports(ReportStore reports, TransactionStore transactions, BlobStore blobs, Auditor auditor,
                   IdGenerator ids, Clock clock, ReportSettings settings) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Stores the report durably (unless its message key was seen) and attaches it to every transaction holding a
     * study with its accession number for its patient. A refused report throws {@link RefusedReportException} and
     * changes nothing.
     */
    public ReportReceipt receive(IncomingReport incoming, Party actor, ClientInfo client) {
        Optional<StoredReport> seen = reports.findByMessageKey(incoming.messageKey());
        if (seen.isPresent()) {
            // A resend, possibly after a crash before the ACK: finish attaching, store nothing new.
            return new ReportReceipt(seen.get(), true, attachEverywhere(seen.get(), actor, client));
        }
        validateOrder(incoming, true);
        Stored s = store(incoming, actor, client);
        return new ReportReceipt(s.report(), s.duplicate(), attachEverywhere(s.report(), actor, client));
    }

    /**
     * A user attaches a PDF or text report (a pasted text is {@link IncomingReport#text}) to one study of one
     * transaction. The order data come from the study and the transaction's patient; when the study has an accession
     * number, every other transaction holding it gets the report too, as from a RIS. The caller checks that the
     * actor may change this transaction. Idempotent by {@code messageKey}.
     */
    public ReportReceipt attachToStudy(TransactionId transaction, String studyInstanceUid, String messageKey,
                                       String fileName, byte[] content, Party actor, ClientInfo client) {
        Transaction t = transactions.find(transaction)
                .orElseThrow(() -> new NotFoundException("Transaction " + transaction + " does not exist."));
        if (!t.pseudonymisation().isEmpty()) {
            throw new RefusedReportException(CoreErrorCode.INVALID_INPUT, List.of(new Problem("transaction", "is"
                    + " pseudonymised ('" + t.pseudonymisation() + "'): a report cannot be de-identified, so none is"
                    + " attached")));
        }
        StudyEntry study = t.studies().stream().filter(s -> s.studyInstanceUid().equals(studyInstanceUid))
                .findFirst().orElseThrow(() -> new RefusedReportException(CoreErrorCode.INVALID_INPUT,
                        List.of(new Problem("studyInstanceUid", "is not a study of this transaction"))));
        IncomingReport incoming = new IncomingReport(messageKey, study.accessionNumber(),
                t.patient().identifier().id(), t.patient().identifier().issuer(), fileName, content);
        Optional<StoredReport> seen = reports.findByMessageKey(messageKey);
        StoredReport report;
        boolean duplicate;
        if (seen.isPresent()) {
            report = seen.get();
            duplicate = true;
        } else {
            validateOrder(incoming, false);
            Stored s = store(incoming, actor, client);
            report = s.report();
            duplicate = s.duplicate();
        }
        List<TransactionId> attached = new ArrayList<>();
        if (attach(transaction, Optional.of(studyInstanceUid), report, actor, client)) {
            attached.add(transaction);
        }
        if (!report.accessionNumber().isEmpty()) {
            attachEverywhere(report, actor, client).stream().filter(id -> !id.equals(transaction))
                    .forEach(attached::add);
        }
        return new ReportReceipt(report, duplicate, attached);
    }

    private record Stored(StoredReport report, boolean duplicate) {
    }

    /** Types, writes the content, then inserts the record: the durable point. */
    private Stored store(IncomingReport incoming, Party actor, ClientInfo client) {
        String mediaType = ReportTyping.mediaType(incoming.content(), settings.maxBytes());
        ReportId id = new ReportId(ids.newId());
        Instant now = clock.instant();
        BlobKey key = blobKey(now, id);
        BlobInfo info = blobs.put(key, new ByteArrayInputStream(incoming.content()));
        StoredReport candidate = new StoredReport(id, incoming.messageKey(), incoming.accessionNumber(),
                incoming.patientId(), incoming.patientIssuer(), fileName(incoming.fileName(), mediaType), mediaType,
                info.size(), info.sha256(), key, now, now.plus(settings.keep()));
        StoredReport stored = reports.insertIfAbsent(candidate);
        boolean duplicate = !stored.id().equals(id);
        if (duplicate) {
            // Another node stored the same message first; ours is an unreferenced copy.
            blobs.delete(key);
        } else {
            auditor.record(actor, "report.received", Outcome.SUCCESS, client,
                    "report " + id + " " + mediaType + " " + info.size() + " bytes");
        }
        return new Stored(stored, duplicate);
    }

    /**
     * Under an hour bucket, so {@link #collectOrphans} can tell a blob whose record a crash never wrote from one
     * whose record is being written right now.
     */
    private static BlobKey blobKey(Instant now, ReportId id) {
        return REPORTS.child(HOUR.format(now)).child(id.value());
    }

    /**
     * Deletes report blobs without a record (a crash between writing the content and inserting the record) from
     * hour buckets that ended more than an hour before {@code now}. Returns how many.
     */
    public int collectOrphans(Clock now) {
        String before = HOUR.format(now.instant().minus(java.time.Duration.ofHours(2)));
        int deleted = 0;
        for (BlobKey key : blobs.list(REPORTS)) {
            String[] parts = key.value().split("/");
            if (parts.length != 3 || parts[1].compareTo(before) > 0) {
                continue;
            }
            ReportId id = new ReportId(parts[2]);
            if (reports.find(id).isEmpty() && blobs.delete(key)) {
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * Called by the ingest when a study first appears in a transaction: attaches every kept report for this
     * accession number and patient ID to it. Returns the reports newly attached.
     */
    public List<ReportId> onStudyArrived(TransactionId transaction, String studyInstanceUid, String accessionNumber,
                                         String patientId) {
        if (accessionNumber.isEmpty() || patientId.isEmpty()) {
            return List.of();
        }
        List<ReportId> attached = new ArrayList<>();
        Party system = new Party.System("reports");
        for (StoredReport r : reports.byOrder(accessionNumber, patientId)) {
            if (attach(transaction, Optional.of(studyInstanceUid), r, system, ClientInfo.INTERNAL)) {
                attached.add(r.id());
            }
        }
        return List.copyOf(attached);
    }

    /**
     * Where a transaction's copy of an attachment lives: under {@code tx/<id>/}, so the transaction's purge removes it.
     * Packaging reads report files from here.
     */
    public static BlobKey attachmentKey(TransactionId transaction, AttachmentId attachment) {
        return BlobKey.of("tx", transaction.value(), "attachments", attachment.value());
    }

    /** The report's content, e.g. for packaging; the caller closes the stream. */
    public InputStream open(StoredReport report) {
        return blobs.open(report.blob(), ByteRange.ALL);
    }

    /** Reports kept for this order (pending or already attached), oldest first. */
    public List<StoredReport> kept(String accessionNumber, String patientId) {
        return reports.byOrder(accessionNumber, patientId);
    }

    /**
     * Keeps a message that was refused as malformed or unknown, raw, for review. It may contain patient data, so it
     * goes to the durable store only; {@code reason} must not contain any.
     */
    public RejectedMessage keepRejected(String source, String reason, String raw) {
        RejectedMessage m = new RejectedMessage(ids.newId(), clip(source, 200), clock.instant(), clip(reason, 1000),
                raw);
        reports.reject(m);
        auditor.record(new Party.System("reports"), "report.rejected", Outcome.FAILURE, ClientInfo.INTERNAL,
                "message " + m.id() + " from " + source + ": " + reason);
        return m;
    }

    /**
     * Purges reports and rejected messages whose retention ended by {@code now}'s instant: a pending report never
     * matched is gone then, as are kept copies of attached ones (transactions keep theirs). Returns how many
     * reports were purged.
     */
    public int purgeExpired(Clock now) {
        Instant at = now.instant();
        int purged = 0;
        List<StoredReport> batch;
        do {
            batch = reports.expired(at, PURGE_BATCH);
            for (StoredReport r : batch) {
                // Record first, blob second: a crash in between leaves an unreferenced blob, never a dangling record.
                reports.delete(r.id());
                blobs.delete(r.blob());
                purged++;
            }
        } while (batch.size() == PURGE_BATCH);
        long rejected = reports.purgeRejected(at.minus(settings.keep()));
        if (purged > 0 || rejected > 0) {
            auditor.record(new Party.System("reports"), "report.purged", Outcome.SUCCESS, ClientInfo.INTERNAL,
                    purged + " report(s), " + rejected + " rejected message(s)");
        }
        return purged;
    }

    private List<TransactionId> attachEverywhere(StoredReport r, Party actor, ClientInfo client) {
        if (r.accessionNumber().isEmpty()) {
            return List.of(); // attached only where a user put it; nothing to match others by
        }
        TransactionQuery q = TransactionQuery.all(MAX_TRANSACTIONS_PER_REPORT).withAccession(r.accessionNumber())
                .withPatient(r.patientId());
        List<TransactionId> attached = new ArrayList<>();
        for (Transaction t : transactions.query(q)) {
            if (attach(t.id(), Optional.empty(), r, actor, client)) {
                attached.add(t.id());
            }
        }
        return List.copyOf(attached);
    }

    /** Attaches {@code r} to the matching study of one transaction unless it is there; true when newly attached. */
    private boolean attach(TransactionId id, Optional<String> studyUid, StoredReport r, Party actor,
                           ClientInfo client) {
        BlobKey copy = attachmentKey(id, new AttachmentId(r.id().value()));
        boolean copied = false;
        ConflictException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Transaction> found = transactions.find(id);
            if (found.isEmpty()) {
                return false;
            }
            Transaction t = found.get();
            if (!t.pseudonymisation().isEmpty()) {
                return false; // a report names the patient: it never joins a pseudonymised transfer
            }
            Optional<StudyEntry> study = matchingStudy(t, studyUid, r);
            AttachmentId attachmentId = new AttachmentId(r.id().value());
            if (study.isEmpty() || t.attachments().stream().anyMatch(a -> a.id().equals(attachmentId))) {
                return false;
            }
            if (!copied) {
                copyContent(r, copy);
                copied = true;
            }
            List<Attachment> attachments = new ArrayList<>(t.attachments());
            attachments.add(new Attachment(attachmentId, r.fileName(), r.mediaType(), r.size(), r.sha256(),
                    study.get().studyInstanceUid()));
            Transaction changed = t.toBuilder().attachments(attachments).updated(clock.instant()).build();
            try {
                Transaction stored = transactions.commit(TransactionChanges.update(changed)).get(0);
                auditor.record(actor, "report.attached", stored, Outcome.SUCCESS, client,
                        "report " + r.id() + " " + r.mediaType());
                return true;
            } catch (ConflictException e) {
                if (e.errorCode() != CoreErrorCode.CONCURRENT_MODIFICATION) {
                    throw e;
                }
                last = e; // the ingest updated the transaction meanwhile: reload and retry
            }
        }
        throw last;
    }

    private static Optional<StudyEntry> matchingStudy(Transaction t, Optional<String> studyUid, StoredReport r) {
        if (t.status() == TransactionStatus.PURGED || !t.patient().identifier().id().equals(r.patientId())) {
            return Optional.empty();
        }
        String issuer = t.patient().identifier().issuer();
        if (!issuer.isEmpty() && !r.patientIssuer().isEmpty() && !issuer.equals(r.patientIssuer())) {
            return Optional.empty();
        }
        return t.studies().stream()
                .filter(s -> s.accessionNumber().equals(r.accessionNumber()))
                .filter(s -> studyUid.map(u -> u.equals(s.studyInstanceUid())).orElse(true))
                .findFirst();
    }

    private void copyContent(StoredReport r, BlobKey copy) {
        BlobInfo info;
        try (InputStream in = blobs.open(r.blob(), ByteRange.ALL)) {
            info = blobs.put(copy, in);
        } catch (IOException e) {
            throw new UncheckedIOException("closing report blob", e);
        }
        if (!info.sha256().equals(r.sha256())) {
            blobs.delete(copy);
            throw new InfrastructureException(CoreErrorCode.INTEGRITY_FAILURE,
                    "The copy of report " + r.id() + " does not match its checksum. Check the blob store.", false,
                    null);
        }
    }

    private static void validateOrder(IncomingReport in, boolean accessionRequired) {
        List<Problem> problems = new ArrayList<>();
        field(problems, "messageKey", in.messageKey(), 512);
        if (accessionRequired || !in.accessionNumber().isEmpty()) {
            field(problems, "accessionNumber", in.accessionNumber(), MAX_ORDER_FIELD);
        }
        field(problems, "patientId", in.patientId(), MAX_ORDER_FIELD);
        if (in.patientIssuer().length() > MAX_ORDER_FIELD) {
            problems.add(new Problem("patientIssuer", "at most " + MAX_ORDER_FIELD + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new RefusedReportException(CoreErrorCode.INVALID_INPUT, problems);
        }
    }

    private static void field(List<Problem> problems, String name, String value, int max) {
        if (value.isBlank()) {
            problems.add(new Problem(name, "is required"));
        } else if (value.length() > max) {
            problems.add(new Problem(name, "at most " + max + " characters"));
        }
    }

    /** Stores bound these columns; a parser's message may be long. */
    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Users see the sender's name when it is harmless; otherwise one derived from the type. */
    private static String fileName(String given, String mediaType) {
        String fallback = ReportTyping.PDF.equals(mediaType) ? "report.pdf" : "report.txt";
        if (given.isBlank() || given.length() > 100 || !given.matches("[A-Za-z0-9._ -]+") || given.startsWith(".")) {
            return fallback;
        }
        String ext = ReportTyping.PDF.equals(mediaType) ? ".pdf" : ".txt";
        return given.toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? given : given + ext;
    }
}
