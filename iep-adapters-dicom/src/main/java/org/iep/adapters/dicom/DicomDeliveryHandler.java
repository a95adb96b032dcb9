package org.iep.adapters.dicom;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.audit.Outcome;
import org.iep.api.content.IndexedInstance;
import org.iep.api.directory.Node;
import org.iep.api.spi.DicomGateway;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.StoredInstance;
import org.iep.api.spi.TransferOutcome;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.delivery.DeliveryHandler;
import org.iep.core.delivery.DeliveryResult;
import org.iep.core.transaction.Transactions;

/**
 * The DICOM part of a delivery job run by the core's {@code OutboundLanes} (which own the priority lanes, the
 * Blue Light reservation and the back-off of retryable failures). A transfer with a source node first has its
 * studies retrieved into IEP ({@link SourceRetrieval}: New → Started → On IEP); a transfer On IEP with a
 * destination node is then asked for (auto-download: Download Request); once asked for, the images are C-STOREd
 * study by study to the destination node, each study's count audited ({@code dicom.deliver}), and the transaction
 * goes Downloading → Delivered. With storage commitment configured for the destination
 * ({@link DicomAdapterConfig#withStorageCommitment}) the node is then asked to commit exactly the instances it
 * acknowledged, audited ({@code dicom.commit}); the transaction is Delivered only when all are committed. Idempotent: a repeated run fetches only incomplete studies and sends the instances
 * again, which a PACS takes as the same instances.
 */
public final class DicomDeliveryHandler implements DeliveryHandler {
    /** How long a job waits for a transaction that is not yet asked to be delivered. */
    static final Duration NOT_YET = Duration.ofMinutes(5);
    private static final ClientInfo LOCAL = ClientInfo.INTERNAL;

    private final DicomGateway gateway;
    private final NodeStore nodes;
    private final InstanceIndex index;
    private final Transactions transactions;
    private final Auditor auditor;
    private final java.util.Optional<SourceRetrieval> retrieval;

    @Inject
    public DicomDeliveryHandler(DicomGateway gateway, NodeStore nodes, InstanceIndex index,
            Transactions transactions, Auditor auditor) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.index = Objects.requireNonNull(index, "index");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.retrieval = gateway instanceof DimseDicomGateway d
                ? Optional.of(new SourceRetrieval(d, index, transactions, auditor)) : Optional.empty();
    }

    @Override
    public DeliveryResult deliver(Transaction t) {
        Transaction current = t;
        if (t.type() == TransactionType.TRANSFER && t.source().isPresent()
                && SourceRetrieval.TO_FETCH.contains(t.status())) {
            Optional<Node> source = nodes.find(t.source().get());
            if (source.isEmpty() || retrieval.isEmpty()) {
                return new DeliveryResult.GiveUp(source.isEmpty() ? "source node " + t.source().get()
                        + " does not exist" : "this DicomGateway cannot retrieve into a transaction");
            }
            current = retrieval.get().retrieve(t, source.get());
        }
        if (current.type() == TransactionType.TRANSFER && current.status() == TransactionStatus.ON_IEP
                && current.destination().isPresent()) {
            current = transactions.advance(current.id(), TransactionStatus.DOWNLOAD_REQUEST, "auto-download to the"
                    + " destination node", PeerCheck.LISTENER, LOCAL);
        }
        return send(current);
    }

    private DeliveryResult send(Transaction t) {
        if (t.destination().isEmpty()) {
            return new DeliveryResult.Done(); // an individual downloads through the portal: nothing for DICOM
        }
        Optional<Node> node = nodes.find(t.destination().get());
        if (node.isEmpty()) {
            return new DeliveryResult.GiveUp("destination node " + t.destination().get() + " does not exist");
        }
        Transaction current = t;
        if (current.status() == TransactionStatus.DOWNLOAD_REQUEST) {
            current = transactions.advance(t.id(), TransactionStatus.DOWNLOADING, "C-STORE to "
                    + node.get().aeTitle(), PeerCheck.LISTENER, LOCAL);
        }
        if (current.status() != TransactionStatus.DOWNLOADING) {
            return new DeliveryResult.Retry(NOT_YET, "transaction is " + current.status()
                    + "; the images go to the node after the recipient's download request");
        }
        Optional<DimseDicomGateway> committing = gateway instanceof DimseDicomGateway d
                && d.commitmentWait(node.get()).isPresent() ? Optional.of(d) : Optional.empty();
        int failed = 0;
        List<StoredInstance> acknowledged = new ArrayList<>();
        for (StudyEntry study : current.studies()) {
            failed += send(current, node.get(), study.studyInstanceUid(), committing, acknowledged);
        }
        if (failed > 0) {
            // thrown retryable, so the lanes back off by attempt count and give up after their maximum
            throw new DicomGatewayException(DicomAdapterErrorCode.OPERATION_FAILED, failed + " instances of "
                    + current.tracking() + " were not accepted by " + node.get().aeTitle(), true, null);
        }
        if (committing.isPresent()) {
            commit(committing.get(), current, node.get(), acknowledged);
        }
        transactions.advance(current.id(), TransactionStatus.DELIVERED, "", PeerCheck.LISTENER, LOCAL);
        return new DeliveryResult.Done();
    }

    /**
     * The node commits exactly what it acknowledged, or the delivery is not done: failed instances and a missing
     * report are retryable failures, so the lanes send and ask again after their back-off.
     */
    private void commit(DimseDicomGateway d, Transaction t, Node node, List<StoredInstance> acknowledged) {
        CommitmentOutcome c;
        try {
            c = d.commit(node, acknowledged);
        } catch (DicomGatewayException e) {
            auditor.record(PeerCheck.LISTENER, "dicom.commit", t, Outcome.FAILURE, LOCAL, "node=" + node.aeTitle()
                    + " asked=" + acknowledged.size() + " " + e.getMessage());
            throw e;
        }
        auditor.record(PeerCheck.LISTENER, "dicom.commit", t, c.allCommitted() ? Outcome.SUCCESS : Outcome.FAILURE,
                LOCAL, "node=" + node.aeTitle() + " committed=" + c.committed() + "/" + c.asked() + " failed="
                        + c.failed().size() + (c.failed().isEmpty() ? "" : " " + c.failedListed()));
        if (!c.allCommitted()) {
            throw new DicomGatewayException(DicomAdapterErrorCode.COMMITMENT_FAILED, c.failed().size()
                    + " instances of " + t.tracking() + " were not committed by " + node.aeTitle() + ": "
                    + c.failedListed(), true, null);
        }
    }

    private int send(Transaction t, Node node, String studyUid, Optional<DimseDicomGateway> committing,
            List<StoredInstance> acknowledged) {
        List<IndexedInstance> stored = index.byStudy(t.id(), studyUid);
        List<StoredInstance> out = stored.stream().map(i -> new StoredInstance(i.sopClassUid(), i.sopInstanceUid(),
                i.transferSyntaxUid(), i.blob())).toList();
        TransferOutcome o;
        if (committing.isPresent()) {
            DimseDicomGateway.Stored s = committing.get().storeAcknowledged(node, out);
            acknowledged.addAll(s.acknowledged());
            o = s.outcome();
        } else {
            o = gateway.store(node, out);
        }
        auditor.record(PeerCheck.LISTENER, "dicom.deliver", t, o.succeeded() ? Outcome.SUCCESS : Outcome.FAILURE,
                LOCAL, "study=" + studyUid + " node=" + node.aeTitle() + " sent=" + (o.completed() + o.warning())
                        + "/" + out.size() + " failed=" + o.failed() + " warning=" + o.warning());
        return o.failed();
    }
}
