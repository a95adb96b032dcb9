package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.iep.api.content.IndexedInstance;
import org.iep.api.content.IndexedPatient;
import org.iep.api.content.StudyTotals;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.TransactionId;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link InstanceIndex} contract: insert-if-absent per (transaction, SOP Instance UID), exactly one winner under
 * concurrency, ordered listings per transaction and study, blob references, and purge.
 */
public abstract class InstanceIndexContract {
    protected static final TransactionId T1 = new TransactionId("t-index-1");
    protected static final TransactionId T2 = new TransactionId("t-index-2");
    protected static final Instant AT = Fixtures.NOW;

    protected InstanceIndex index;

    /** A new, empty index. Transactions need not exist in any other store. */
    protected abstract InstanceIndex newIndex();

    @BeforeEach
    final void createIndex() {
        index = newIndex();
    }

    protected static IndexedInstance instance(TransactionId t, String study, String series, String sop, String blob) {
        return new IndexedInstance(t, study, series, sop, "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1",
                "P0001", "Jones^Patricia", "19700131", "ACC1", "CT", BlobKey.of("ingest", t.value(), blob), 1234,
                "ab".repeat(32), AT);
    }

    @Test
    void insertsOnceAndReturnsTheStoredRecordAfterwards() {
        IndexedInstance first = instance(T1, "1.1", "1.1.1", "1.1.1.1", "b1");
        IndexedInstance second = instance(T1, "1.1", "1.1.1", "1.1.1.1", "b2");

        assertThat(index.insertIfAbsent(first)).isEqualTo(first);
        assertThat(index.insertIfAbsent(second)).as("the first record wins").isEqualTo(first);
        assertThat(index.find(T1, "1.1.1.1")).contains(first);
        assertThat(index.byTransaction(T1)).containsExactly(first);
    }

    @Test
    void theSameSopInstanceUidMayBeInTwoTransactions() {
        IndexedInstance a = instance(T1, "1.1", "1.1.1", "1.1.1.1", "b1");
        IndexedInstance b = instance(T2, "1.1", "1.1.1", "1.1.1.1", "b2");

        index.insertIfAbsent(a);
        index.insertIfAbsent(b);

        assertThat(index.byTransaction(T1)).containsExactly(a);
        assertThat(index.byTransaction(T2)).containsExactly(b);
    }

    @Test
    void anInstanceIsFoundInEveryTransactionHoldingItBySopInstanceUidAlone() {
        IndexedInstance inT2 = instance(T2, "1.1", "1.1.1", "1.1.1.1", "b2");
        IndexedInstance inT1 = instance(T1, "1.1", "1.1.1", "1.1.1.1", "b1");
        IndexedInstance other = instance(T1, "1.1", "1.1.1", "1.1.1.2", "b3");
        for (IndexedInstance i : List.of(inT2, inT1, other)) {
            index.insertIfAbsent(i);
        }

        assertThat(index.bySopInstance("1.1.1.1")).containsExactly(inT1, inT2);
        assertThat(index.bySopInstance("1.1.1.2")).containsExactly(other);
        assertThat(index.bySopInstance("9.9.9")).isEmpty();
        index.deleteTransaction(T1);
        assertThat(index.bySopInstance("1.1.1.1")).containsExactly(inT2);
    }

    @Test
    void listsAreOrderedByStudySeriesAndInstanceAndFilteredByStudy() {
        IndexedInstance c = instance(T1, "1.2", "1.2.1", "1.2.1.1", "c");
        IndexedInstance b = instance(T1, "1.1", "1.1.2", "1.1.2.1", "b");
        IndexedInstance a2 = instance(T1, "1.1", "1.1.1", "1.1.1.2", "a2");
        IndexedInstance a1 = instance(T1, "1.1", "1.1.1", "1.1.1.1", "a1");
        for (IndexedInstance i : List.of(c, b, a2, a1)) {
            index.insertIfAbsent(i);
        }

        assertThat(index.byTransaction(T1)).containsExactly(a1, a2, b, c);
        assertThat(index.byStudy(T1, "1.1")).containsExactly(a1, a2, b);
        assertThat(index.byStudy(T1, "9.9")).isEmpty();
        assertThat(index.find(T1, "9.9.9")).isEmpty();
    }

    @Test
    void studyTotalsCountSumAndCollectModalities() {
        index.insertIfAbsent(instance(T1, "1.1", "1.1.1", "1.1.1.1", "a"));
        index.insertIfAbsent(instance(T1, "1.1", "1.1.2", "1.1.2.1", "b"));
        index.insertIfAbsent(new IndexedInstance(T1, "1.1", "1.1.3", "1.1.3.1", "1.2.840.10008.5.1.4.1.1.88.22",
                "1.2.840.10008.1.2.1", "P0001", "Jones^Patricia", "19700131", "ACC1", "SR",
                BlobKey.of("ingest", "t-index-1", "c"), 10, "ab".repeat(32), AT));
        index.insertIfAbsent(instance(T1, "1.2", "1.2.1", "1.2.1.1", "d"));

        StudyTotals totals = index.totals(T1, "1.1");

        assertThat(totals.instances()).isEqualTo(3);
        assertThat(totals.bytes()).isEqualTo(1234 + 1234 + 10);
        assertThat(totals.modalities()).containsExactly("CT", "SR");
        assertThat(index.totals(T2, "1.1").instances()).isZero();
    }

    @Test
    void patientsAreDistinctAndTheEarliestStoredComesFirst() {
        IndexedInstance jones = instance(T1, "1.1", "1.1.1", "1.1.1.9", "a");
        IndexedInstance smith = new IndexedInstance(T1, "1.0", "1.0.1", "1.0.1.1", "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1", "P0002", "Smith^John", "", "ACC2", "CT", BlobKey.of("ingest", "t-index-1", "b"),
                10, "ab".repeat(32), AT.plusSeconds(1));
        index.insertIfAbsent(jones);
        index.insertIfAbsent(smith);
        index.insertIfAbsent(instance(T1, "1.1", "1.1.1", "1.1.1.1", "c"));
        index.insertIfAbsent(instance(T2, "1.1", "1.1.1", "1.1.1.1", "d"));

        assertThat(index.patients(T1)).containsExactly(IndexedPatient.of(jones), IndexedPatient.of(smith));
        assertThat(index.patients(T2)).containsExactly(IndexedPatient.of(jones));
        assertThat(index.patients(new TransactionId("t-index-none"))).isEmpty();
        index.deleteTransaction(T1);
        assertThat(index.patients(T1)).isEmpty();
    }

    @Test
    void blobReferencesAndPurge() {
        IndexedInstance a = instance(T1, "1.1", "1.1.1", "1.1.1.1", "a");
        IndexedInstance b = instance(T2, "1.1", "1.1.1", "1.1.1.2", "b");
        index.insertIfAbsent(a);
        index.insertIfAbsent(b);

        assertThat(index.references(a.blob())).isTrue();
        assertThat(index.references(BlobKey.of("ingest", "t-index-1", "never"))).isFalse();
        assertThat(index.deleteTransaction(T1)).isEqualTo(1);
        assertThat(index.deleteTransaction(T1)).as("idempotent").isZero();
        assertThat(index.references(a.blob())).isFalse();
        assertThat(index.byTransaction(T2)).containsExactly(b);
    }

    @Test
    void twentyConcurrentInsertsOfOneInstanceStoreExactlyOne() {
        List<IndexedInstance> returned = Concurrently.run(20,
                i -> index.insertIfAbsent(instance(T1, "1.1", "1.1.1", "1.1.1.1", "blob" + i)));

        assertThat(index.byTransaction(T1)).hasSize(1);
        IndexedInstance stored = index.byTransaction(T1).get(0);
        assertThat(returned).allSatisfy(r -> assertThat(r).isEqualTo(stored));
    }

    @Test
    void fieldsSurviveTheRoundTrip() {
        IndexedInstance a = new IndexedInstance(T1, "1.2.3", "1.2.3.4", "1.2.3.4.5", "1.2.840.10008.5.1.4.1.1.4",
                "1.2.840.10008.1.2.4.90", "ID with spaces", "Ünïcödé^Näme", "", "", "MR",
                BlobKey.of("ingest", "t-index-1", "x"), 5_000_000_000L, "cd".repeat(32), AT.plusMillis(7));

        index.insertIfAbsent(a);

        assertThat(index.find(T1, "1.2.3.4.5")).contains(a);
    }
}
