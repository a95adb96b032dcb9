package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iep.api.content.IndexedInstance;
import org.iep.api.directory.Node;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.core.direct.DirectRouting;
import org.iep.dicom.net.dimse.StorageCommitment;
import org.iep.testkit.fixtures.Transactions;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.junit.jupiter.api.Test;

/** The receiver's commitment decision: held, with the class asked, in a transaction the asking node fed. */
class ReceiverCommitmentsTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    final Node modality = Peers.node("modality", "MODALITY", 104);
    final Node other = Peers.node("other", "OTHER", 104);
    final InMemoryInstanceIndex index = new InMemoryInstanceIndex();
    final FedTransactions fed = new FedTransactions();
    final ReceiverCommitments commitments = new ReceiverCommitments(List.of(modality, other), index, fed);

    private void held(String transaction, String sop) {
        index.insertIfAbsent(new IndexedInstance(new TransactionId(transaction), "1.1", "1.1.1", sop, CT,
                "1.2.840.10008.1.2.1", "P1", "A^B", "", "", "CT", BlobKey.of("ingest", transaction, sop), 10,
                "ab".repeat(32), Instant.EPOCH));
    }

    @Test
    void committedOnlyWhenHeldWithTheClassAskedInATransactionTheNodeFed() {
        held("t1", "1.2.3.1");
        held("t2", "1.2.3.2");
        fed.record(modality.id(), new TransactionId("t1"));
        fed.record(other.id(), new TransactionId("t2"));

        assertThat(commitments.failureReason("MODALITY", new StorageCommitment.Ref(CT, "1.2.3.1"))).isZero();
        assertThat(commitments.failureReason("MODALITY", new StorageCommitment.Ref("1.2.840.10008.5.1.4.1.1.4",
                "1.2.3.1"))).isEqualTo(StorageCommitment.CLASS_INSTANCE_CONFLICT);
        assertThat(commitments.failureReason("MODALITY", new StorageCommitment.Ref(CT, "1.2.3.2")))
                .as("held, but fed by another node").isEqualTo(StorageCommitment.NO_SUCH_OBJECT_INSTANCE);
        assertThat(commitments.failureReason("MODALITY", new StorageCommitment.Ref(CT, "9.9.9")))
                .isEqualTo(StorageCommitment.NO_SUCH_OBJECT_INSTANCE);
        assertThat(commitments.failureReason("STRANGER", new StorageCommitment.Ref(CT, "1.2.3.1")))
                .isEqualTo(StorageCommitment.NO_SUCH_OBJECT_INSTANCE);
    }

    @Test
    void afterARestartTheTransactionsANodeIsTheSourceOrTheSenderOfStillCount() {
        InMemoryTransactionStore store = new InMemoryTransactionStore();
        Transaction retrieved = Transactions.transfer(1).source(Optional.of(modality.id())).build();
        Transaction pushed = Transactions.transfer(2).sender(DirectRouting.sender(modality)).build();
        Transaction others = Transactions.transfer(3).source(Optional.of(other.id())).build();
        for (Transaction t : List.of(retrieved, pushed, others)) {
            store.commit(TransactionChanges.insert(t));
        }
        held(retrieved.id().value(), "1.2.3.1");
        held(pushed.id().value(), "1.2.3.2");
        held(others.id().value(), "1.2.3.3");
        // nothing fed since this receiver started
        ReceiverCommitments restarted = new ReceiverCommitments(List.of(modality, other), index,
                new FedTransactions(), Optional.of(store));

        assertThat(restarted.failureReason("MODALITY", new StorageCommitment.Ref(CT, "1.2.3.1"))).isZero();
        assertThat(restarted.failureReason("MODALITY", new StorageCommitment.Ref(CT, "1.2.3.2"))).isZero();
        assertThat(restarted.failureReason("MODALITY", new StorageCommitment.Ref(CT, "1.2.3.3")))
                .as("another node's retrieve").isEqualTo(StorageCommitment.NO_SUCH_OBJECT_INSTANCE);
        assertThat(commitments.failureReason("MODALITY", new StorageCommitment.Ref(CT, "1.2.3.1")))
                .as("without the store, only what this receiver saw").isEqualTo(
                        StorageCommitment.NO_SUCH_OBJECT_INSTANCE);
    }

    @Test
    void eachNodeRemembersItsMostRecentTransactionsOnly() {
        for (int i = 0; i <= FedTransactions.PER_NODE; i++) {
            fed.record(modality.id(), new TransactionId("t" + i));
        }
        assertThat(fed.fed(modality.id(), new TransactionId("t0"))).isFalse();
        assertThat(fed.fed(modality.id(), new TransactionId("t1"))).isTrue();
        assertThat(fed.fed(modality.id(), new TransactionId("t" + FedTransactions.PER_NODE))).isTrue();
        assertThat(fed.fed(other.id(), new TransactionId("t1"))).isFalse();
    }
}
