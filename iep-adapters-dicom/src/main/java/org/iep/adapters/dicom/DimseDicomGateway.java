package org.iep.adapters.dicom;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.iep.api.Problem;
import org.iep.api.directory.Node;
import org.iep.api.spi.BlobStore;
import org.iep.core.audit.Auditor;
import org.iep.core.ingest.Ingest;
import org.iep.api.spi.DicomGateway;
import org.iep.api.spi.StoredInstance;
import org.iep.api.spi.StudyQuery;
import org.iep.api.spi.StudySummary;
import org.iep.api.spi.TransferOutcome;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.PendingCommitments;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.Uids;

/**
 * {@link DicomGateway} over iep-dicom's DIMSE client: one association per call, released at its end. Thread-safe
 * (calls share nothing but the configuration and the blob store).
 */
public final class DimseDicomGateway implements DicomGateway {
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    /** At most 128 presentation contexts fit an association (odd IDs 1..255). */
    private static final int MAX_CONTEXTS = 128;

    private final DicomAdapterConfig config;
    private final BlobStore blobs;
    private final Connections connections;
    private final Retrievals retrievals;
    private final StorageCommitter committer;
    private final java.util.Optional<Ingest> ingest;
    private final java.util.Optional<Auditor> auditor;

    /** Without the core's ingest: retrieves by C-MOVE only (what arrives goes through {@link DicomReceiver}). */
    public DimseDicomGateway(DicomAdapterConfig config, BlobStore blobs) {
        this(config, blobs, java.util.Optional.empty(), java.util.Optional.empty());
    }

    /**
     * With the core's ingest, so nodes configured for C-GET are retrieved on the gateway's own association; no
     * {@code dicom.get} audit record (instances refused before ingest go unaudited): prefer the constructor with
     * the {@link Auditor}.
     */
    public DimseDicomGateway(DicomAdapterConfig config, BlobStore blobs, Ingest ingest) {
        this(config, blobs, java.util.Optional.of(ingest), java.util.Optional.empty());
    }

    /** With the core's ingest and auditor: each C-GET leaves a {@code dicom.get} record of its outcome. */
    @Inject
    public DimseDicomGateway(DicomAdapterConfig config, BlobStore blobs, Ingest ingest, Auditor auditor) {
        this(config, blobs, java.util.Optional.of(ingest), java.util.Optional.of(auditor));
    }

    private DimseDicomGateway(DicomAdapterConfig config, BlobStore blobs, java.util.Optional<Ingest> ingest,
            java.util.Optional<Auditor> auditor) {
        this.config = Objects.requireNonNull(config, "config");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.ingest = ingest;
        this.auditor = auditor;
        this.connections = new Connections(config);
        this.retrievals = new Retrievals(config.aeTitle());
        this.committer = new StorageCommitter(connections);
    }

    /**
     * The storage commitment requests waiting for their report: give it to {@link DicomReceiver}, which takes the
     * reports nodes send on a new association.
     */
    public PendingCommitments commitments() {
        return committer.pending();
    }

    /** How long to wait for {@code node}'s storage commitment report after a delivery; empty: not asked. */
    public java.util.Optional<java.time.Duration> commitmentWait(Node node) {
        return config.commitmentWait(node.aeTitle());
    }

    /**
     * Asks {@code node} to commit {@code instances} (those it acknowledged) and waits for its report, at most the
     * configured time. No report in time throws COMMITMENT_TIMEOUT, a refused request COMMITMENT_FAILED (both
     * retryable); failed instances are in the outcome.
     */
    public CommitmentOutcome commit(Node node, List<StoredInstance> instances) {
        java.time.Duration wait = commitmentWait(node).orElseThrow(() -> new DicomGatewayException(
                DicomAdapterErrorCode.INVALID_CONFIGURATION, "storage commitment is not configured for "
                        + node.aeTitle()));
        if (instances.isEmpty()) {
            return new CommitmentOutcome(0, 0, List.of());
        }
        return committer.commit(node, instances, wait);
    }

    /** The retrieves in progress, to route what they bring in (give it to {@link DicomReceiver}). */
    public Retrievals retrievals() {
        return retrievals;
    }

    /**
     * Retrieves a study into {@code target}: while the C-MOVE runs, what {@code source} sends to our AE title is
     * ingested into that transaction by the {@link DicomReceiver} routing with {@link #retrievals()}.
     */
    public TransferOutcome retrieveInto(org.iep.api.transaction.TransactionId target, Node source,
            String studyInstanceUid) {
        requireUid(studyInstanceUid);
        if (config.retrieveByCGet().contains(source.id())) {
            return get(target, source, studyInstanceUid);
        }
        try (Retrievals.Running r = retrievals.start(source, target)) {
            return retrieve(source, studyInstanceUid);
        }
    }

    @Override
    public void echo(Node node) {
        try (DimseClient c = connections.open(node, List.of(List.of(VERIFICATION, DimseClient.UNCOMPRESSED.get(1))))) {
            int status = c.echo();
            if (status != Status.SUCCESS) {
                throw Connections.failed(node, "C-ECHO", status);
            }
        } catch (DicomNetException e) {
            throw Connections.translate(node, "C-ECHO", e);
        }
    }

    @Override
    public List<StudySummary> findStudies(Node node, StudyQuery query) {
        var keys = StudyKeys.of(query);
        List<StudySummary> found = new ArrayList<>();
        try (DimseClient c = connections.open(node, List.of(withUncompressed(DimseClient.STUDY_ROOT_FIND)))) {
            int status = c.find(DimseClient.STUDY_ROOT_FIND, keys, m -> {
                StudyKeys.summary(m).filter(s -> StudyKeys.matchesModality(s, query)).ifPresent(found::add);
                return true;
            });
            if (status != Status.SUCCESS) {
                throw Connections.failed(node, "C-FIND", status);
            }
        } catch (DicomNetException e) {
            throw Connections.translate(node, "C-FIND", e);
        }
        return List.copyOf(found);
    }

    /**
     * C-MOVE of the study to our AE title. The instances reach a transaction only when a retrieve is registered
     * for {@code source} ({@link #retrieveInto}); otherwise the receiver refuses them.
     */
    @Override
    public TransferOutcome retrieve(Node source, String studyInstanceUid) {
        requireUid(studyInstanceUid);
        if (config.retrieveByCGet().contains(source.id())) {
            throw new DicomGatewayException(DicomAdapterErrorCode.RETRIEVE_UNSUPPORTED, "node " + source.id()
                    + " is retrieved by C-GET, which brings the instances on the gateway's own association: retrieve"
                    + " into a transaction (retrieveInto)");
        }
        try (DimseClient c = connections.open(source, List.of(withUncompressed(DimseClient.STUDY_ROOT_MOVE)))) {
            DimseClient.RetrieveResult r = c.move(DimseClient.STUDY_ROOT_MOVE, config.aeTitle(),
                    StudyKeys.study(studyInstanceUid), pending -> { });
            int failed = Math.max(r.failed(), 0);
            if (!Status.isSuccessOrWarning(r.status()) && failed == 0) {
                throw Connections.failed(source, "C-MOVE of study " + studyInstanceUid, r.status());
            }
            return new TransferOutcome(Math.max(r.completed(), 0), failed, Math.max(r.warning(), 0));
        } catch (DicomNetException e) {
            throw Connections.translate(source, "C-MOVE", e);
        }
    }

    /** C-GET of the study; each instance streams into {@code target} as it arrives. */
    private TransferOutcome get(org.iep.api.transaction.TransactionId target, Node source, String studyUid) {
        if (ingest.isEmpty()) {
            throw new DicomGatewayException(DicomAdapterErrorCode.RETRIEVE_UNSUPPORTED, "node " + source.id()
                    + " is retrieved by C-GET, and this gateway was built without the core's ingest");
        }
        return new CGetRetrieve(connections, ingest.get(), auditor).retrieve(target, source, studyUid);
    }

    @Override
    public TransferOutcome store(Node destination, List<StoredInstance> instances) {
        return storeAcknowledged(destination, instances).outcome();
    }

    /** C-STOREs and which instances the node acknowledged (success or warning status), in order. */
    public record Stored(TransferOutcome outcome, List<StoredInstance> acknowledged) {
        public Stored {
            acknowledged = List.copyOf(acknowledged);
        }
    }

    /** As {@link #store}, also telling which instances were acknowledged (what a commitment may ask about). */
    public Stored storeAcknowledged(Node destination, List<StoredInstance> instances) {
        List<StoredInstance> acknowledged = new ArrayList<>();
        instances.forEach(i -> {
            requireUid(i.sopClassUid());
            requireUid(i.sopInstanceUid());
            requireUid(i.transferSyntaxUid());
        });
        int completed = 0;
        int failed = 0;
        int warning = 0;
        for (List<StoredInstance> batch : batches(instances)) {
            List<List<String>> contexts = new ArrayList<>();
            for (StoredInstance i : batch) {
                List<String> ctx = List.of(i.sopClassUid(), i.transferSyntaxUid());
                if (!contexts.contains(ctx)) {
                    contexts.add(ctx);
                }
            }
            try (DimseClient c = connections.open(destination, contexts)) {
                InstanceSender sender = new InstanceSender(c.association(), blobs);
                for (StoredInstance i : batch) {
                    switch (sender.send(i)) {
                        case COMPLETED -> {
                            completed++;
                            acknowledged.add(i);
                        }
                        case WARNING -> {
                            warning++;
                            acknowledged.add(i);
                        }
                        case FAILED -> failed++;
                    }
                }
            } catch (DicomNetException e) {
                throw Connections.translate(destination, "C-STORE", e);
            } catch (IOException e) {
                throw new DicomGatewayException(DicomAdapterErrorCode.PEER_UNREACHABLE, "C-STORE to "
                        + destination.aeTitle() + " failed after " + (completed + warning) + " instances: "
                        + e.getMessage(), true, e);
            }
        }
        return new Stored(new TransferOutcome(completed, failed, warning), acknowledged);
    }

    /** Instances in order, cut so no association needs more than {@value #MAX_CONTEXTS} contexts. */
    private static List<List<StoredInstance>> batches(List<StoredInstance> instances) {
        List<List<StoredInstance>> out = new ArrayList<>();
        Map<List<String>, Boolean> contexts = new LinkedHashMap<>();
        List<StoredInstance> current = new ArrayList<>();
        for (StoredInstance i : instances) {
            List<String> ctx = List.of(i.sopClassUid(), i.transferSyntaxUid());
            if (!contexts.containsKey(ctx) && contexts.size() == MAX_CONTEXTS) {
                out.add(current);
                current = new ArrayList<>();
                contexts.clear();
            }
            contexts.put(ctx, Boolean.TRUE);
            current.add(i);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static List<String> withUncompressed(String sopClass) {
        Set<String> l = new LinkedHashSet<>();
        l.add(sopClass);
        l.addAll(DimseClient.UNCOMPRESSED);
        return List.copyOf(l);
    }

    private static void requireUid(String uid) {
        if (!Uids.isValid(uid)) {
            throw new InvalidDicomInputException(DicomAdapterErrorCode.INVALID_UID,
                    List.of(new Problem("uid", "'" + Uids.printable(uid) + "' is not a DICOM UID")));
        }
    }
}
