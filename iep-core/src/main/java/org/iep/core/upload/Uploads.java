package org.iep.core.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.iep.api.transaction.Message;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.NotFoundException;
import org.iep.api.Problem;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.Auditor;
import org.iep.core.id.IdGenerator;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestSource;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Notifier;
import org.iep.api.directory.Institution;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.transaction.Party;

/**
 * Staged uploads into a transaction. A session holds many files; each file arrives in chunks appended at the offset
 * where its received bytes end, so an interrupted upload resumes where it stopped. {@link #confirm} types every file
 * by content, expands archives safely, refuses the whole upload listing every refused file with its reason, checks
 * the patients, and only then stores: DICOM through {@link Ingest}, documents and images as attachments.
 *
 * <p>Callers check access first (an individual's UPLOAD right on a request, a user's institution); this class
 * audits what was done. Chunks live under {@code tx/<transaction>/uploads/<session>/}, which the transaction's
 * purge removes. Committing is idempotent: if the process dies during the commit, confirming again completes it.
 * Thread-safe.
 */
public final class Uploads {
    /** The longest message an upload may carry. */
    public static final int MAX_MESSAGE = 4000;
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final String MARKER = "session";
    private static final int MAX_NAME = 255;

    private final TransactionStore store;
    private final BlobStore blobs;
    private final Ingest ingest;
    private final UploadCommit commit;
    private final Auditor auditor;
    private final IdGenerator ids;
    private final Clock clock;
    private final UploadLimits limits;
    private final DirectoryStore directory;
    private final Notifier notifier;

    public Uploads(TransactionStore store, BlobStore blobs, Ingest ingest, Auditor auditor, IdGenerator ids,
                   Clock clock, UploadLimits limits, DirectoryStore directory, Notifier notifier) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.store = Objects.requireNonNull(store, "store");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.commit = new UploadCommit(store, blobs, ingest, auditor, ids, clock, limits);
    }

    /** Opens a session for uploading into {@code tx}; returns its ID (unguessable, for this transaction only). */
    public String open(TransactionId tx, IngestSource by) {
        Transaction t = transaction(tx);
        String session = ids.newId();
        blobs.put(sessionKey(tx, session).child(MARKER), new java.io.ByteArrayInputStream(("opened="
                + clock.instant() + "\n").getBytes(StandardCharsets.UTF_8)));
        auditor.record(by.by(), "upload.opened", t, Outcome.SUCCESS, by.client(), "session " + session);
        return session;
    }

    /**
     * Appends a chunk to a file of the session. {@code offset} must be the file's received bytes (0 for a new file);
     * otherwise nothing is stored and {@link CoreErrorCode#UPLOAD_OFFSET_MISMATCH} says where to resume. Returns the
     * file's received bytes after the chunk.
     */
    public long append(TransactionId tx, String session, String fileName, long offset, InputStream chunk) {
        checkName(fileName);
        BlobKey sessionKey = existing(tx, session);
        Map<String, StagedFile> files = staged(sessionKey);
        BlobKey fileKey = sessionKey.child(fileId(fileName));
        StagedFile existing = files.get(fileId(fileName));
        long received = existing == null ? 0 : existing.size();
        if (offset != received) {
            throw new ConflictException(CoreErrorCode.UPLOAD_OFFSET_MISMATCH, "The server holds " + received
                    + " bytes of this file; send from byte " + received + ".");
        }
        if (existing == null) {
            if (files.size() >= limits.maxFiles()) {
                throw new InvalidInputException(List.of(new Problem("files", "at most " + limits.maxFiles()
                        + " files per upload")));
            }
            blobs.put(fileKey.child("name"), new java.io.ByteArrayInputStream(
                    fileName.getBytes(StandardCharsets.UTF_8)));
        }
        BlobKey chunkKey = fileKey.child(String.format("c-%019d", offset));
        Capped capped = new Capped(chunk, limits.maxFileBytes() - received);
        long size;
        try {
            size = blobs.put(chunkKey, capped).size();
        } catch (RuntimeException e) {
            if (capped.exceeded) {
                throw tooLarge();
            }
            throw e;
        }
        if (capped.exceeded) {
            blobs.delete(chunkKey);
            throw tooLarge();
        }
        if (size == 0) {
            blobs.delete(chunkKey);
        }
        return received + size;
    }

    /** Every file of the session with its received bytes. */
    public List<FileProgress> progress(TransactionId tx, String session) {
        return staged(existing(tx, session)).values().stream()
                .map(f -> new FileProgress(f.name(), f.size())).toList();
    }

    /** Removes one file from the session (e.g. after confirmation refused it); returns whether it was there. */
    public boolean remove(TransactionId tx, String session, String fileName) {
        checkName(fileName);
        return blobs.deleteAll(existing(tx, session).child(fileId(fileName))) > 0;
    }

    /** Drops the session and everything staged in it. */
    public void discard(TransactionId tx, String session, IngestSource by) {
        BlobKey key = existing(tx, session);
        blobs.deleteAll(key);
        auditor.record(by.by(), "upload.discarded", transaction(tx), Outcome.SUCCESS, by.client(),
                "session " + session);
    }

    /**
     * Confirms the upload: checks everything first — a refusal of any file refuses the whole upload with
     * {@link UploadRefusedException} listing each file and why, and a mixed-patient upload is refused naming the
     * patients — then stores it all and closes the session. {@code progress} receives the bytes processed so far.
     */
    public UploadReceipt confirm(TransactionId tx, String session, IngestSource by, LongConsumer progress) {
        return confirm(tx, session, by, progress, "");
    }

    /**
     * As {@link #confirm(TransactionId, String, IngestSource, LongConsumer)}, with what the uploader wrote for the
     * institution: it joins the transaction's thread in the same change as the upload's documents, under the
     * uploader's name, or not at all when the upload is refused. Blank means no message.
     */
    public UploadReceipt confirm(TransactionId tx, String session, IngestSource by, LongConsumer progress,
                                 String message) {
        String text = message == null ? "" : message.strip();
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException(List.of(new Problem("message", "must be at most " + MAX_MESSAGE
                    + " characters")));
        }
        BlobKey key = existing(tx, session);
        Transaction t = transaction(tx);
        List<StagedFile> files = new ArrayList<>(staged(key).values());
        if (files.isEmpty()) {
            throw new InvalidInputException(List.of(new Problem("files", "the upload holds no files")));
        }
        UploadScan scan = new UploadScan(blobs, limits);
        scan.scan(files);
        if (!t.pseudonymisation().isEmpty()) {
            documentsOfAPseudonymisedTransfer(t, scan.plans).forEach(scan.problems::add);
        }
        if (!scan.problems.isEmpty()) {
            auditor.record(by.by(), "upload.confirmed", t, Outcome.DENIED, by.client(), scan.problems.size()
                    + " file(s) refused");
            throw new UploadRefusedException(scan.problems);
        }
        ingest.preflight(tx, scan.headers, by);
        Optional<Message> note = text.isEmpty() ? Optional.empty() : Optional.of(new Message(clock.instant(),
                by.by(), authorName(by.by()), text));
        UploadReceipt receipt = commit.commit(t, scan.plans, by, progress, note);
        blobs.deleteAll(key);
        auditor.record(by.by(), "upload.confirmed", t, Outcome.SUCCESS, by.client(), "instances="
                + receipt.instancesStored() + " repeated=" + receipt.instancesAlreadyStored() + " attachments="
                + receipt.attachments().size() + " bytes=" + receipt.bytes());
        return receipt;
    }

    /** Documents (reports, letters, photos) cannot be de-identified the way images are: refused one by one. */
    private static List<Problem> documentsOfAPseudonymisedTransfer(Transaction t, List<Planned> plans) {
        List<Problem> problems = new ArrayList<>();
        String reason = "is a document: this transfer is pseudonymised ('" + t.pseudonymisation() + "') and only"
                + " DICOM images can be pseudonymised";
        for (Planned p : plans) {
            if (p.kind() == ContentKind.ZIP) {
                p.entries().stream().filter(e -> isDocument(e.kind()))
                        .forEach(e -> problems.add(new Problem(p.file().name() + "/" + e.name(), reason)));
            } else if (isDocument(p.kind())) {
                problems.add(new Problem(p.file().name(), reason));
            }
        }
        return problems;
    }

    private static boolean isDocument(ContentKind kind) {
        return kind != ContentKind.DICOM && kind != ContentKind.DICOMDIR && kind != ContentKind.ZIP;
    }

    private static String authorName(Party p) {
        if (p instanceof Party.Individual i) {
            return i.displayName();
        }
        return p instanceof Party.System s ? s.component() : p.auditId();
    }

    /**
     * Sends the individual who uploaded a receipt in their language: which hospital now has their images, under
     * which tracking number. Call after {@link #confirm}; queued through the outbox, sent once.
     */
    public void sendReceipt(TransactionId tx, String session, IndividualRecipient who) {
        Transaction t = transaction(tx);
        var id = t.sender() instanceof Party.Staff s ? s.institution() : t.origin();
        String institution = directory.institution(id).map(Institution::name).orElse("");
        notifier.notify(Notification.now("UPLOADED/" + tx.value() + "/" + session, NotificationKind.UPLOADED,
                Addressee.email(who.email(), who.language()), Map.of("recipientName", who.givenName() + " "
                        + who.familyName(), "institution", institution, "tracking", t.tracking().value())));
    }

    private Transaction transaction(TransactionId tx) {
        return store.find(tx).orElseThrow(() -> new NotFoundException("Transaction " + tx));
    }

    private static BlobKey sessionKey(TransactionId tx, String session) {
        return Ingest.TRANSACTIONS.child(tx.value()).child("uploads").child(session);
    }

    private BlobKey existing(TransactionId tx, String session) {
        if (session == null || !SESSION.matcher(session).matches()) {
            throw unknown();
        }
        BlobKey key = sessionKey(tx, session);
        if (blobs.stat(key.child(MARKER)).isEmpty()) {
            throw unknown();
        }
        return key;
    }

    private static ConflictException unknown() {
        return new ConflictException(CoreErrorCode.UPLOAD_UNKNOWN, "This upload does not exist or was already"
                + " confirmed; start a new one.");
    }

    private static InvalidInputException tooLarge() {
        return new InvalidInputException(List.of(new Problem("file", "is larger than the accepted size")));
    }

    /** The session's files by ID (a digest of the name, so the order is stable but not the sending order). */
    private Map<String, StagedFile> staged(BlobKey sessionKey) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<StagedFile.Chunk>> chunks = new LinkedHashMap<>();
        String prefix = sessionKey.value() + "/";
        for (BlobKey k : blobs.list(sessionKey)) {
            String[] rest = k.value().substring(prefix.length()).split("/");
            if (rest.length != 2) {
                continue;
            }
            if (rest[1].equals("name")) {
                try (InputStream in = blobs.open(k, ByteRange.ALL)) {
                    names.put(rest[0], new String(in.readNBytes(MAX_NAME * 4), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            } else if (rest[1].startsWith("c-")) {
                long offset = Long.parseLong(rest[1].substring(2));
                long size = blobs.stat(k).map(i -> i.size()).orElse(0L);
                chunks.computeIfAbsent(rest[0], x -> new ArrayList<>()).add(new StagedFile.Chunk(k, offset, size));
            }
        }
        Map<String, StagedFile> files = new LinkedHashMap<>();
        names.forEach((id, name) -> files.put(id, new StagedFile(id, name, contiguous(chunks.getOrDefault(id,
                List.of())))));
        return files;
    }

    /** Chunks from offset 0 while each starts where the previous ended (a gap can only follow a crash). */
    private static List<StagedFile.Chunk> contiguous(List<StagedFile.Chunk> chunks) {
        List<StagedFile.Chunk> sorted = new ArrayList<>(chunks);
        sorted.sort(java.util.Comparator.comparingLong(StagedFile.Chunk::offset));
        List<StagedFile.Chunk> out = new ArrayList<>();
        long next = 0;
        for (StagedFile.Chunk c : sorted) {
            if (c.offset() != next) {
                break;
            }
            out.add(c);
            next += c.size();
        }
        return out;
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(c -> c < 0x20
                || c == 0x7f)) {
            throw new InvalidInputException(List.of(new Problem("fileName", "must be 1 to " + MAX_NAME
                    + " printable characters")));
        }
    }

    /** Files are keyed by a digest of their name: the name itself never becomes part of a storage key. */
    private static String fileId(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "f-" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops reading past the bytes a file may still take. */
    private static final class Capped extends FilterInputStream {
        private long left;
        private boolean exceeded;

        Capped(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    exceeded = true;
                    throw new IOException("the file exceeds the accepted size");
                }
            }
            return n;
        }
    }
}
