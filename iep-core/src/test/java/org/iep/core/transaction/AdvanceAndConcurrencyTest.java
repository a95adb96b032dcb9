package org.iep.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Message;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.testsupport.RecordingListener;
import org.iep.core.testsupport.RecordingNotifier;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;

class AdvanceAndConcurrencyTest {
    private final World w = new World();
    private final Party ingest = new Party.System("ingest");

    @Test
    void reachingOnIepAnnouncesAvailabilityOnceAfterTheCommit() {
        List<TransactionStatus> seenInStore = new ArrayList<>();
        World[] holder = new World[1];
        World w = new World(List.of(new TransactionListener() {
            @Override
            public void available(Transaction t) {
                seenInStore.add(holder[0].store.find(t.id()).orElseThrow().status());
            }
        }));
        holder[0] = w;
        Transaction t = w.transfer(Priority.NORMAL);
        w.transactions.advance(t.id(), TransactionStatus.STARTED, "", ingest, CLIENT);
        w.transactions.advance(t.id(), TransactionStatus.UPLOADING, "", ingest, CLIENT);
        w.transactions.advance(t.id(), TransactionStatus.ON_IEP, "", ingest, CLIENT);

        assertThat(w.listener.events).containsExactly("created:STEE0000001", "status:STEE0000001:NEW->STARTED",
                "status:STEE0000001:STARTED->UPLOADING", "status:STEE0000001:UPLOADING->ON_IEP",
                "available:STEE0000001");
        assertThat(seenInStore).containsExactly(TransactionStatus.ON_IEP);
        assertThat(w.audit.all().get(w.audit.all().size() - 1).event().actor()).isEqualTo("system:ingest");
    }

    @Test
    void studyProgressIsRecordedPerStudy() {
        Transaction t = w.transfer(Priority.NORMAL);
        w.transactions.updateStudy(t.id(), new StudyProgress(World.UID1, StudyStatus.RECEIVING, 87, 40, 4_000),
                ingest, CLIENT);
        Transaction after = w.transactions.updateStudy(t.id(), new StudyProgress(World.UID1, StudyStatus.COMPLETE,
                87, 87, 8_700), ingest, CLIENT);
        assertThat(after.studies()).singleElement().satisfies(s -> {
            assertThat(s.progress()).isEqualTo("87/87");
            assertThat(s.status()).isEqualTo(StudyStatus.COMPLETE);
            assertThat(s.bytes()).isEqualTo(8_700);
        });
        assertThat(after.bytes()).isEqualTo(8_700);
        assertThat(w.audit.all().get(w.audit.all().size() - 1).event().detail())
                .isEqualTo("study=" + World.UID1 + " status=COMPLETE progress=87/87 bytes=8700");
        w.transactions.cancel(w.steeStaff, t.id(), "stop", CLIENT);
        assertThatThrownBy(() -> w.transactions.updateStudy(t.id(), new StudyProgress(World.UID1,
                StudyStatus.COMPLETE, 87, 87, 1), ingest, CLIENT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aConcurrentChangeIsReReadAndKeptNotOverwritten() {
        Racing racing = new Racing(w.store, 1);
        Transactions service = service(racing);
        Transaction t = w.transfer(Priority.NORMAL);

        Transaction after = service.advance(t.id(), TransactionStatus.STARTED, "", ingest, CLIENT);

        assertThat(after.status()).isEqualTo(TransactionStatus.STARTED);
        assertThat(after.messages()).extracting(Message::text).containsExactly("For MDT on Friday",
                "written meanwhile");
        assertThat(after.version()).isEqualTo(3);
        assertThat(racing.attempts.get()).isEqualTo(2);
    }

    @Test
    void aRaceLostOnTheStatusItselfIsReDecidedOnFreshState() {
        Transaction t = w.transfer(Priority.NORMAL);
        // Someone cancels between our read and our commit: the retry sees CANCELLED and refuses to start it.
        TransactionStore cancelling = new Delegating(w.store) {
            boolean done;

            @Override
            public List<Transaction> commit(TransactionChanges c) {
                if (!done) {
                    done = true;
                    Transaction current = w.store.find(t.id()).orElseThrow();
                    w.store.commit(TransactionChanges.update(current.toBuilder()
                            .status(TransactionStatus.CANCELLED).build()));
                }
                return super.commit(c);
            }
        };
        assertThatThrownBy(() -> service(cancelling).advance(t.id(), TransactionStatus.STARTED, "", ingest, CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ILLEGAL_TRANSITION));
        assertThat(w.store.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.CANCELLED);
    }

    @Test
    void theRetryIsBounded() {
        Racing racing = new Racing(w.store, Integer.MAX_VALUE);
        Transaction t = w.transfer(Priority.NORMAL);
        int records = w.audit.all().size();
        assertThatThrownBy(() -> service(racing).advance(t.id(), TransactionStatus.STARTED, "", ingest, CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.CONCURRENT_MODIFICATION));
        assertThat(racing.attempts.get()).isEqualTo(Commits.MAX_ATTEMPTS);
        assertThat(w.store.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.NEW);
        assertThat(w.audit.all()).hasSize(records);
    }

    private Transactions service(TransactionStore store) {
        return new Transactions(store, w.directoryStore, w.nodeStore, w.access, new Auditor(w.audit, w.clock),
                new RecordingNotifier(), w.ids, new TrackingNumbers(store), w.routing, w.clock, w.policy,
                List.of(new RecordingListener()));
    }

    /** Before each of the first {@code races} updates, another writer appends a message to the same row. */
    private static final class Racing extends Delegating {
        final AtomicInteger attempts = new AtomicInteger();
        private final int races;

        Racing(TransactionStore store, int races) {
            super(store);
            this.races = races;
        }

        @Override
        public List<Transaction> commit(TransactionChanges c) {
            if (attempts.incrementAndGet() <= races && !c.updates().isEmpty()) {
                Transaction current = delegate.find(c.updates().get(0).id()).orElseThrow();
                List<Message> m = new ArrayList<>(current.messages());
                m.add(new Message(current.updated(), new Party.System("other"), "other", "written meanwhile"));
                delegate.commit(TransactionChanges.update(current.toBuilder().messages(m).build()));
            }
            return delegate.commit(c);
        }
    }

    private static class Delegating implements TransactionStore {
        final TransactionStore delegate;

        Delegating(TransactionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Transaction> commit(TransactionChanges changes) {
            return delegate.commit(changes);
        }

        @Override
        public Optional<Transaction> find(TransactionId id) {
            return delegate.find(id);
        }

        @Override
        public Optional<Transaction> findByTracking(TrackingNumber tracking) {
            return delegate.findByTracking(tracking);
        }

        @Override
        public List<Transaction> query(TransactionQuery query) {
            return delegate.query(query);
        }

        @Override
        public long nextTrackingSequence(String institutionCode) {
            return delegate.nextTrackingSequence(institutionCode);
        }
    }
}
