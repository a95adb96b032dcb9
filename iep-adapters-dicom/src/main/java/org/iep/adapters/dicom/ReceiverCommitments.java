package org.iep.adapters.dicom;

import java.util.List;
import java.util.Optional;
import org.iep.api.content.IndexedInstance;
import org.iep.api.directory.Node;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.TransactionId;
import org.iep.core.direct.DirectRouting;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.CommitmentScp;
import org.iep.dicom.net.dimse.StorageCommitment;

/**
 * The receiver as storage commitment SCP: an instance is committed to a node when the index holds it, with the
 * SOP Class UID asked, in a transaction that node's instances went into: one this receiver saw it feed since it
 * started ({@link FedTransactions}) or, with the transaction store, one the node is the source of (a retrieve from
 * it) or the sender of (its direct-routed pushes), which a restart does not forget. The report goes back on the
 * request's association when the node selected the SCP role there, else to the node's configured address.
 */
final class ReceiverCommitments {
    private final List<Node> peers;
    private final InstanceIndex index;
    private final FedTransactions fed;
    private final Optional<TransactionStore> transactions;

    ReceiverCommitments(List<Node> peers, InstanceIndex index, FedTransactions fed) {
        this(peers, index, fed, Optional.empty());
    }

    ReceiverCommitments(List<Node> peers, InstanceIndex index, FedTransactions fed,
                        Optional<TransactionStore> transactions) {
        this.peers = peers;
        this.index = index;
        this.fed = fed;
        this.transactions = transactions;
    }

    CommitmentScp scp(NetOptions options) {
        return new CommitmentScp(this::failureReason, ae -> node(ae).map(n -> new CommitmentScp.Destination(
                n.host(), n.port(), n.aeTitle())), options);
    }

    int failureReason(String callingAe, StorageCommitment.Ref ref) {
        Optional<Node> node = node(callingAe);
        if (node.isEmpty()) {
            return StorageCommitment.NO_SUCH_OBJECT_INSTANCE;
        }
        boolean held = false;
        for (IndexedInstance i : index.bySopInstance(ref.sopInstanceUid())) {
            if (fedBy(node.get(), i.transaction())) {
                if (i.sopClassUid().equals(ref.sopClassUid())) {
                    return 0;
                }
                held = true;
            }
        }
        return held ? StorageCommitment.CLASS_INSTANCE_CONFLICT : StorageCommitment.NO_SUCH_OBJECT_INSTANCE;
    }

    private boolean fedBy(Node node, TransactionId t) {
        if (fed.fed(node.id(), t)) {
            return true;
        }
        boolean stored = transactions.flatMap(store -> store.find(t))
                .map(tx -> tx.source().equals(Optional.of(node.id())) || tx.sender().equals(DirectRouting.sender(node)))
                .orElse(false);
        if (stored) {
            fed.record(node.id(), t); // a request names many instances of one transaction: read it once
        }
        return stored;
    }

    /** The association was let in by calling AE title and address, so the AE title names the node here. */
    private Optional<Node> node(String callingAe) {
        return peers.stream().filter(n -> n.aeTitle().equals(callingAe)).findFirst();
    }
}
