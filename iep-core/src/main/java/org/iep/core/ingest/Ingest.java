package org.iep.core.ingest;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.NotFoundException;
import org.iep.api.Problem;
import org.iep.api.audit.Outcome;
import org.iep.api.content.IndexedInstance;
import org.iep.api.content.StudyTotals;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.directory.Institution;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UnitOfWork;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.id.IdGenerator;
import org.iep.core.pseudonym.BurnedInAnnotationException;
import org.iep.core.pseudonym.InstancePseudonymiser;
import org.iep.core.pseudonym.Pseudonymisation;
import org.iep.core.transaction.IngestedStudy;
import org.iep.core.transaction.Transactions;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;

/**
 * Stores DICOM instances under a transaction, whichever way they arrive (DICOM network, STOW, uploads). In order:
 * the stream is re-written as a clean Part 10 file (zeroed preamble, fresh meta) straight into the blob store under
 * a key made of internal IDs only; the blob's SHA-256 and size are verified against what was written; the header is
 * checked (valid UIDs; one patient — ID, name, birth date — across the transaction's instances, unless the origin's
 * policy allows mixed patients); then one
 * atomic index insert makes the instance visible, and the study's counts are recomputed from the index. A crash at
 * any point leaves the whole instance or nothing visible; blobs left behind are {@link OrphanCollector orphans}.
 * The same SOP Instance UID with the same bytes is an idempotent success; with other bytes it is refused and
 * audited, never replaced. Thread-safe.
 */
public final class Ingest {
    public static final String STEP_BEFORE_WRITE = "before-write";
    public static final String STEP_WRITING = "writing";
    public static final String STEP_WRITTEN = "written";
    public static final String STEP_VERIFIED = "verified";
    /** The index row is written: committed already without a unit of work, else still to be committed with it. */
    public static final String STEP_INDEXED = "indexed";
    /** Index row, study counts and audit record committed. */
    public static final String STEP_COMMITTED = "committed";
    /** Every checkpoint, in the order an ingest reaches them. */
    public static final List<String> STEPS = List.of(STEP_BEFORE_WRITE, STEP_WRITING, STEP_WRITTEN, STEP_VERIFIED,
            STEP_INDEXED, STEP_COMMITTED);
    /**
     * Every blob of a transaction lives under {@code tx/<transaction>/} (what the purge deletes); instances under
     * {@code tx/<transaction>/instances/<millis>-<id>}.
     */
    public static final BlobKey TRANSACTIONS = BlobKey.of("tx");
    static final String INSTANCES = "instances";

    private static final Set<TransactionStatus> ACCEPTING = EnumSet.of(TransactionStatus.NEW,
            TransactionStatus.STARTED, TransactionStatus.UPLOADING, TransactionStatus.ON_IEP,
            TransactionStatus.DOWNLOAD_REQUEST);

    private final TransactionStore store;
    private final DirectoryStore directory;
    private final InstanceIndex index;
    private final BlobStore blobs;
    private final Transactions transactions;
    private final Auditor auditor;
    private final IdGenerator ids;
    private final Clock clock;
    private final Checkpoints checkpoints;
    private final StudyArrivals arrivals;
    private final UnitOfWork units;
    private final Optional<Pseudonymisation> pseudonymisation;
    /**
     * The one patient of recently ingested transactions. A transaction's patients only grow, so a patient matching
     * this one passes without asking the index; anyone else makes the check ask it. Bounded, least recently used.
     */
    private final Map<TransactionId, PatientSeen> onePatient = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<TransactionId, PatientSeen> eldest) {
                    return size() > 1024;
                }
            });

    public Ingest(TransactionStore store, DirectoryStore directory, InstanceIndex index, BlobStore blobs,
                  Transactions transactions, Auditor auditor, IdGenerator ids, Clock clock, Checkpoints checkpoints) {
        this(store, directory, index, blobs, transactions, auditor, ids, clock, checkpoints, StudyArrivals.NONE);
    }

    /** @param arrivals told when a study first appears in a transaction (reports waiting for it get attached) */
    public Ingest(TransactionStore store, DirectoryStore directory, InstanceIndex index, BlobStore blobs,
                  Transactions transactions, Auditor auditor, IdGenerator ids, Clock clock, Checkpoints checkpoints,
                  StudyArrivals arrivals) {
        this(store, directory, index, blobs, transactions, auditor, ids, clock, checkpoints, arrivals,
                Optional.empty());
    }

    /**
     * @param pseudonymisation writes the instances of pseudonymised transactions; without it such a transaction
     *                         takes no images (never its originals)
     */
    public Ingest(TransactionStore store, DirectoryStore directory, InstanceIndex index, BlobStore blobs,
                  Transactions transactions, Auditor auditor, IdGenerator ids, Clock clock, Checkpoints checkpoints,
                  StudyArrivals arrivals, Optional<Pseudonymisation> pseudonymisation) {
        this(store, directory, index, blobs, transactions, auditor, ids, clock, checkpoints, arrivals,
                pseudonymisation, UnitOfWork.NONE);
    }

    /**
     * @param units makes an instance's index row, its study's counts and its audit record one commit where the
     *              adapters share a database
     */
    public Ingest(TransactionStore store, DirectoryStore directory, InstanceIndex index, BlobStore blobs,
                  Transactions transactions, Auditor auditor, IdGenerator ids, Clock clock, Checkpoints checkpoints,
                  StudyArrivals arrivals, Optional<Pseudonymisation> pseudonymisation, UnitOfWork units) {
        this.units = Objects.requireNonNull(units, "units");
        this.pseudonymisation = Objects.requireNonNull(pseudonymisation, "pseudonymisation");
        this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.index = Objects.requireNonNull(index, "index");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** Stores one instance read from {@code part10} (a Part 10 stream, not closed) under transaction {@code id}. */
    public IngestResult ingest(TransactionId id, InputStream part10, IngestSource source) {
        Objects.requireNonNull(part10, "part10");
        Objects.requireNonNull(source, "source");
        Transaction t = store.find(id).orElseThrow(() -> new NotFoundException("Transaction " + id));
        if (!ACCEPTING.contains(t.status())) {
            auditor.record(source.by(), "instance.store", t, Outcome.DENIED, source.client(), "status=" + t.status());
            throw new ConflictException(CoreErrorCode.INGEST_CLOSED, "Transaction " + t.tracking() + " is "
                    + t.status() + " and takes no more images.");
        }
        checkpoints.reached(STEP_BEFORE_WRITE);
        Optional<InstancePseudonymiser> pseudonymiser = pseudonymiserOf(t);
        BlobKey key = TRANSACTIONS.child(t.id().value()).child(INSTANCES).child(clock.millis() + "-" + ids.newId());
        StreamedWrite.Written written = write(t, key, part10, source, pseudonymiser);
        checkpoints.reached(STEP_WRITTEN);
        try {
            // the store verified its copy against the bytes it took (re-read, SHA-256); this checks it took them all
            if (written.info().size() != written.size()) {
                throw new InfrastructureException(CoreErrorCode.INTEGRITY_FAILURE, "The stored copy of an instance"
                        + " of " + t.tracking() + " does not match what was written; nothing was committed.", true,
                        null);
            }
            checkpoints.reached(STEP_VERIFIED);
            InstanceHeader h = InstanceHeader.of(written.header());
            checkPatient(t, h, source);
            // before the instance is visible: whoever sees it can be re-identified by those allowed to
            written.link().ifPresent(l -> pseudonymisation.orElseThrow().remember(l));
            IndexedInstance candidate = new IndexedInstance(t.id(), h.studyUid(), h.seriesUid(), h.sopInstanceUid(),
                    h.sopClassUid(), h.transferSyntaxUid(), h.patientId(), h.patientName(), h.birthDate(),
                    h.accessionNumber(), h.modality(), key, written.size(), written.info().sha256(), clock.instant());
            // index row, study counts and audit record: one commit where the adapters share a database
            Indexed indexed = units.inOne("Storing an instance of " + t.tracking(), () -> {
                IndexedInstance first = index.insertIfAbsent(candidate);
                if (!first.equals(candidate)) {
                    return new Indexed(first, null);
                }
                checkpoints.reached(STEP_INDEXED);
                Transaction counted = count(t, h, source);
                auditor.record(source.by(), "instance.store", t, Outcome.SUCCESS, source.client(),
                        "study=" + h.studyUid() + " sop=" + h.sopInstanceUid() + " bytes=" + written.size());
                return new Indexed(first, counted);
            });
            if (indexed.counted() == null) {
                return alreadyThere(t, h, indexed.stored(), candidate, source);
            }
            checkpoints.reached(STEP_COMMITTED);
            tellArrival(t, indexed.counted(), h);
            return new IngestResult.Stored(indexed.stored());
        } catch (RuntimeException e) {
            discard(key, e);
            throw e;
        }
    }

    /**
     * Checks, before anything is stored, what {@link #ingest} would refuse for a batch of instances given by their
     * headers (read up to the pixel data): a closed transaction, unusable UIDs (every problem of every header is
     * listed), a SOP Instance UID twice in the batch, and patients other than the transaction's (the batch's and
     * the stored ones together). Lets an upload be refused whole instead of half stored.
     *
     * @param headers display name of each instance (for the problem list) to its header
     */
    public void preflight(TransactionId id, java.util.Map<String, org.iep.dicom.io.DicomFile> headers,
                          IngestSource source) {
        Transaction t = store.find(id).orElseThrow(() -> new NotFoundException("Transaction " + id));
        if (!ACCEPTING.contains(t.status())) {
            throw new ConflictException(CoreErrorCode.INGEST_CLOSED, "Transaction " + t.tracking() + " is "
                    + t.status() + " and takes no more images.");
        }
        List<Problem> problems = new ArrayList<>();
        List<PatientSeen> incoming = new ArrayList<>();
        java.util.Map<String, String> sops = new java.util.HashMap<>();
        Optional<InstancePseudonymiser> pseudonymiser = pseudonymiserOf(t);
        for (var e : headers.entrySet()) {
            try {
                org.iep.dicom.io.DicomFile header = e.getValue();
                if (pseudonymiser.isPresent()) { // compared as they will be stored
                    pseudonymiser.get().problems(header.dataSet())
                            .forEach(p -> problems.add(new Problem(e.getKey(), p.field() + " " + p.message())));
                    header = new org.iep.dicom.io.DicomFile(header.fileMeta(),
                            pseudonymiser.get().pseudonymised(header.dataSet()), header.transferSyntax(),
                            header.pixelData());
                }
                InstanceHeader h = InstanceHeader.of(header);
                incoming.add(new PatientSeen(h.patientId(), h.patientName(), h.birthDate()));
                String before = sops.putIfAbsent(h.sopInstanceUid(), e.getKey());
                if (before != null) {
                    problems.add(new Problem(e.getKey(), "has the same SOP Instance UID as " + before));
                }
            } catch (NotIngestibleException ex) {
                ex.problems().forEach(p -> problems.add(new Problem(e.getKey(), p.field() + " " + p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new NotIngestibleException(problems);
        }
        checkPatients(t, incoming, source);
    }

    /** The pseudonymiser of {@code t}; a pseudonymised transaction is never written without one. */
    private Optional<InstancePseudonymiser> pseudonymiserOf(Transaction t) {
        if (t.pseudonymisation().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pseudonymisation.orElseThrow(() -> new IllegalStateException("Transaction "
                + t.tracking() + " is pseudonymised but this Ingest was built without pseudonymisation; build it"
                + " through IepCore")).of(t).orElseThrow());
    }

    /** Whether {@code key} names an instance blob as ingest makes them. */
    static boolean isInstanceBlob(BlobKey key) {
        String[] segments = key.value().split("/");
        return segments.length == 4 && segments[0].equals("tx") && segments[2].equals(INSTANCES);
    }

    private StreamedWrite.Written write(Transaction t, BlobKey key, InputStream part10, IngestSource source,
                                        Optional<InstancePseudonymiser> pseudonymiser) {
        Attributes meta = new Attributes();
        if (!source.sourceAet().isEmpty()) {
            meta.setString(0x00020016, VR.AE, source.sourceAet());
        }
        try {
            return pseudonymiser.isPresent()
                    ? StreamedWrite.pseudonymised(blobs, key, part10, pseudonymiser.get(), clock, checkpoints)
                    : StreamedWrite.write(blobs, key, part10, meta, checkpoints);
        } catch (BurnedInAnnotationException e) {
            discard(key, e);
            auditor.record(source.by(), "instance.store", t, Outcome.DENIED, source.client(), "burned-in annotation,"
                    + " profile " + t.pseudonymisation());
            throw e;
        } catch (DicomException e) {
            discard(key, e);
            auditor.record(source.by(), "instance.store", t, Outcome.DENIED, source.client(), "not DICOM: "
                    + e.code().name());
            throw new NotIngestibleException(List.of(new Problem("content", "is not a readable DICOM instance ("
                    + e.getMessage() + ")")));
        } catch (RuntimeException e) {
            discard(key, e);
            throw e;
        }
    }

    private IngestResult alreadyThere(Transaction t, InstanceHeader h, IndexedInstance stored,
                                      IndexedInstance candidate, IngestSource source) {
        blobs.delete(candidate.blob());
        if (stored.sha256().equals(candidate.sha256())) {
            // counts are absolute: recounting converges them if the first attempt died after its index insert
            recount(t, h, source);
            auditor.record(source.by(), "instance.store", t, Outcome.SUCCESS, source.client(), "sop="
                    + stored.sopInstanceUid() + " already stored with the same content");
            return new IngestResult.AlreadyStored(stored);
        }
        auditor.record(source.by(), "instance.store", t, Outcome.DENIED, source.client(), "sop="
                + stored.sopInstanceUid() + " already stored with other content (sha256 " + stored.sha256()
                + ", offered " + candidate.sha256() + ")");
        throw new ConflictException(CoreErrorCode.INSTANCE_CONFLICT, "Transaction " + t.tracking() + " already holds"
                + " SOP Instance " + stored.sopInstanceUid() + " with other content; it was not replaced.");
    }

    private void checkPatient(Transaction t, InstanceHeader h, IngestSource source) {
        checkPatients(t, List.of(new PatientSeen(h.patientId(), h.patientName(), h.birthDate())), source);
    }

    private void checkPatients(Transaction t, List<PatientSeen> incoming, IngestSource source) {
        PatientSeen known = onePatient.get(t.id());
        if (known != null && incoming.stream().allMatch(p -> samePatient(known, p))) {
            return; // the transaction's patient, as the index said last time: no query for every instance
        }
        List<PatientSeen> all = new ArrayList<>();
        index.patients(t.id()).forEach(p -> all.add(new PatientSeen(p.patientId(), p.patientName(), p.birthDate())));
        all.addAll(incoming);
        List<PatientSeen> patients = new ArrayList<>();
        for (PatientSeen p : all) {
            if (patients.stream().noneMatch(q -> samePatient(q, p))) {
                patients.add(p);
            }
        }
        if (patients.size() <= 1) {
            if (!patients.isEmpty()) {
                onePatient.put(t.id(), patients.get(0));
            }
            return;
        }
        // the origin's policy is asked only now, not for every instance of the one patient
        if (directory.institution(t.origin()).map(Institution::policies)
                .map(InstitutionPolicies::allowMixedPatients).orElse(false)) {
            return;
        }
        auditor.record(source.by(), "instance.store", t, Outcome.DENIED, source.client(), "patient mismatch, "
                + patients.size() + " patients found");
        throw new PatientMismatchException(patients);
    }

    private static boolean samePatient(PatientSeen a, PatientSeen b) {
        return a.id().equals(b.id()) && normalised(a.name()).equals(normalised(b.name()))
                && (a.birthDate().isEmpty() || b.birthDate().isEmpty() || a.birthDate().equals(b.birthDate()));
    }

    /** PN components compared without case, padding or trailing empty components. */
    private static String normalised(String pn) {
        return pn.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\^+$", "").strip();
    }

    /** The index's record of an instance, and the transaction as counted when it was this instance's (else null). */
    private record Indexed(IndexedInstance stored, Transaction counted) {
    }

    private void recount(Transaction t, InstanceHeader h, IngestSource source) {
        tellArrival(t, count(t, h, source), h);
    }

    /** The study's counts, recomputed by the index: absolute, so a repeated count converges. */
    private Transaction count(Transaction t, InstanceHeader h, IngestSource source) {
        StudyTotals totals = index.totals(t.id(), h.studyUid());
        return transactions.recordIngest(t.id(), new IngestedStudy(h.studyUid(), h.accessionNumber(),
                h.studyDescription(), String.join("\\", totals.modalities()), h.studyDate(), totals.instances(),
                totals.bytes()), source.by(), source.client());
    }

    /** After the commit: what listens for a study's arrival never holds up, or undoes, the instance's. */
    private void tellArrival(Transaction t, Transaction after, InstanceHeader h) {
        // t was read before this instance: a study it lacks (or lists without images yet) arrives now, or arrives
        // through another thread that read it the same way and tells too
        if (t.studies().stream().noneMatch(s -> s.studyInstanceUid().equals(h.studyUid())
                && s.receivedInstances() > 0)) {
            arrivals.arrived(after.id(), h.studyUid(), h.accessionNumber(), h.patientId());
        }
    }

    private void discard(BlobKey key, Exception cause) {
        try {
            blobs.delete(key);
        } catch (RuntimeException e) {
            // left for the orphan collector; the original failure is what the caller must see
            cause.addSuppressed(e);
        }
    }
}
