package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;

/**
 * The {@link TransactionStore} contract: versioned inserts and updates, duplicate detection, atomic multi-change
 * commits, serialisable races and unique tracking sequences, plus the queries of the inherited
 * {@link TransactionQueryContract}. An adapter's test extends this class and implements {@link #newStore()}.
 */
public abstract class TransactionStoreContract extends TransactionQueryContract {

    /** What the store can do beyond the port's contract; none by default. */
    protected Set<Capability> capabilities() {
        return Set.of();
    }

    /** With {@link Capability#DURABLE}: a second store on the same storage as {@link #store}. */
    protected TransactionStore reopen() {
        throw new UnsupportedOperationException("declare Capability.DURABLE and override reopen()");
    }

    @Test
    void insertStoresVersionOneAndFindsByIdAndTracking() {
        Transaction t = Transactions.transfer(1).build();

        Transaction stored = insert(t);

        assertThat(stored).isEqualTo(t.toBuilder().version(1).build());
        assertThat(store.find(t.id())).contains(stored);
        assertThat(store.findByTracking(t.tracking())).contains(stored);
    }

    @Test
    void roundTripsEveryField() {
        Transaction rich = Transactions.richTransfer(7).build();
        Transaction company = Transactions.companyRequest(8).build();

        insert(rich);
        insert(company);

        assertThat(store.find(rich.id())).contains(rich.toBuilder().version(1).build());
        assertThat(store.find(company.id())).contains(company.toBuilder().version(1).build());
    }

    @Test
    void missingTransactionsAreEmpty() {
        insert(Transactions.transfer(1).build());

        assertThat(store.find(new TransactionId("tx-404"))).isEmpty();
        assertThat(store.findByTracking(TrackingNumber.of("STEE", 404))).isEmpty();
    }

    @Test
    void duplicateIdIsRejectedAndChangesNothing() {
        Transaction first = insert(Transactions.transfer(1).build());
        Transaction sameId = Transactions.transfer(2).id(first.id()).build();

        assertConflict(() -> insert(sameId), CoreErrorCode.DUPLICATE);

        assertThat(store.find(first.id())).contains(first);
        assertThat(store.findByTracking(sameId.tracking())).isEmpty();
    }

    @Test
    void duplicateTrackingNumberIsRejectedAndChangesNothing() {
        Transaction first = insert(Transactions.transfer(1).build());
        Transaction sameTracking = Transactions.transfer(2).tracking(first.tracking()).build();

        assertConflict(() -> insert(sameTracking), CoreErrorCode.DUPLICATE);

        assertThat(store.find(sameTracking.id())).isEmpty();
        assertThat(store.findByTracking(first.tracking())).contains(first);
    }

    @Test
    void twoInsertsWithTheSameIdInOneCommitAreRejected() {
        Transaction a = Transactions.transfer(1).build();
        Transaction b = Transactions.transfer(2).id(a.id()).build();

        assertConflict(() -> store.commit(new TransactionChanges(List.of(a, b), List.of())), CoreErrorCode.DUPLICATE);

        assertThat(store.find(a.id())).isEmpty();
        assertThat(store.findByTracking(a.tracking())).isEmpty();
        assertThat(store.findByTracking(b.tracking())).isEmpty();
    }

    @Test
    void updateFromTheStoredVersionIncrementsIt() {
        Transaction stored = insert(Transactions.transfer(1).build());
        Transaction changed = stored.toBuilder().status(TransactionStatus.STARTED)
                .updated(Fixtures.NOW.plusSeconds(60)).build();

        List<Transaction> result = store.commit(TransactionChanges.update(changed));

        Transaction expected = changed.toBuilder().version(2).build();
        assertThat(result).containsExactly(expected);
        assertThat(store.find(stored.id())).contains(expected);
        assertThat(store.findByTracking(stored.tracking())).contains(expected);
    }

    @Test
    void staleUpdateIsRejectedAndChangesNothing() {
        Transaction v1 = insert(Transactions.transfer(1).build());
        Transaction v2 = store.commit(TransactionChanges.update(v1.toBuilder()
                .status(TransactionStatus.STARTED).build())).get(0);

        assertConflict(() -> store.commit(TransactionChanges.update(v1.toBuilder()
                .status(TransactionStatus.CANCELLED).build())), CoreErrorCode.CONCURRENT_MODIFICATION);

        assertThat(store.find(v1.id())).contains(v2);
    }

    @Test
    void updateOfAMissingTransactionFailsAndStoresNothing() {
        Transaction never = Transactions.transfer(1).version(1).build();

        assertThatThrownBy(() -> store.commit(TransactionChanges.update(never))).isInstanceOf(IepException.class);

        assertThat(store.find(never.id())).isEmpty();
    }

    @Test
    void commitReturnsInsertsFirstThenUpdates() {
        Transaction a = insert(Transactions.transfer(1).build());
        Transaction b = Transactions.transfer(2).build();
        Transaction aChanged = a.toBuilder().status(TransactionStatus.STARTED).build();

        List<Transaction> result = store.commit(new TransactionChanges(List.of(b), List.of(aChanged)));

        assertThat(result).containsExactly(b.toBuilder().version(1).build(), aChanged.toBuilder().version(2).build());
    }

    @Test
    void aFailingUpdateRollsBackAnInsertOfTheSameCommit() {
        Transaction a = insert(Transactions.transfer(1).build());
        insert(Transactions.transfer(9).build());
        Transaction b = Transactions.transfer(2).build();
        Transaction staleA = a.toBuilder().version(0).status(TransactionStatus.STARTED).build();

        assertConflict(() -> store.commit(new TransactionChanges(List.of(b), List.of(staleA))),
                CoreErrorCode.CONCURRENT_MODIFICATION);

        assertThat(store.find(b.id())).isEmpty();
        assertThat(store.findByTracking(b.tracking())).isEmpty();
        assertThat(store.find(a.id())).contains(a);
    }

    @Test
    void aDuplicateInsertRollsBackAValidUpdateOfTheSameCommit() {
        Transaction a = insert(Transactions.transfer(1).build());
        Transaction existing = insert(Transactions.transfer(2).build());
        Transaction aChanged = a.toBuilder().status(TransactionStatus.STARTED).build();
        Transaction clash = Transactions.transfer(3).tracking(existing.tracking()).build();

        assertConflict(() -> store.commit(new TransactionChanges(List.of(clash), List.of(aChanged))),
                CoreErrorCode.DUPLICATE);

        assertThat(store.find(a.id())).contains(a);
        assertThat(store.find(clash.id())).isEmpty();
    }

    @Test
    void aStaleSecondUpdateRollsBackTheFirstOfTheSameCommit() {
        Transaction a = insert(Transactions.transfer(1).build());
        Transaction b = insert(Transactions.transfer(2).build());
        Transaction aChanged = a.toBuilder().status(TransactionStatus.STARTED).build();
        Transaction bStale = b.toBuilder().version(5).status(TransactionStatus.STARTED).build();

        assertConflict(() -> store.commit(new TransactionChanges(List.of(), List.of(aChanged, bStale))),
                CoreErrorCode.CONCURRENT_MODIFICATION);

        assertThat(store.find(a.id())).contains(a);
        assertThat(store.find(b.id())).contains(b);
    }

    @Test
    void ofFiftyRacingUpdatesFromTheSameVersionExactlyOneWins() {
        Transaction v1 = insert(Transactions.transfer(1).build());

        List<Optional<Transaction>> outcomes = Concurrently.run(50, i -> {
            Transaction mine = v1.toBuilder().statusReason("writer " + i).build();
            try {
                return Optional.of(store.commit(TransactionChanges.update(mine)).get(0));
            } catch (ConflictException e) {
                assertThat(e.errorCode()).isEqualTo(CoreErrorCode.CONCURRENT_MODIFICATION);
                return Optional.empty();
            }
        });

        List<Transaction> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(winners.get(0).version()).isEqualTo(2);
        assertThat(store.find(v1.id())).contains(winners.get(0));
    }

    @Test
    void trackingSequencesStartAtOnePerCodeAndNeverRepeat() {
        assertThat(store.nextTrackingSequence("STEE")).isEqualTo(1);
        long second = store.nextTrackingSequence("STEE");
        assertThat(store.nextTrackingSequence("NTEE")).isEqualTo(1);
        long third = store.nextTrackingSequence("STEE");

        // Only uniqueness is promised, not order: pooled database sequences may hand out numbers out of order.
        assertThat(List.of(1L, second, third)).doesNotHaveDuplicates().allMatch(n -> n >= 1);
    }

    @Test
    void trackingSequencesAreUniqueUnderConcurrentCalls() {
        List<long[]> perThread = Concurrently.run(8, i -> LongStream.range(0, 200)
                .map(n -> store.nextTrackingSequence("STEE")).toArray());

        Set<Long> all = new HashSet<>();
        perThread.forEach(values -> LongStream.of(values).forEach(all::add));
        assertThat(all).hasSize(8 * 200).allMatch(n -> n >= 1);
    }

    @Test
    void trackingSequencesAreNotReusedAfterReopening() {
        assumeTrue(capabilities().contains(Capability.DURABLE), "store is not durable");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            seen.add(store.nextTrackingSequence("STEE"));
        }
        Transaction stored = insert(Transactions.transfer(1).build());

        TransactionStore reopened = reopen();

        for (int i = 0; i < 3; i++) {
            assertThat(seen.add(reopened.nextTrackingSequence("STEE"))).as("a number handed out again").isTrue();
        }
        assertThat(reopened.find(stored.id())).contains(stored);
    }
}
