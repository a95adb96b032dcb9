package org.iep.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.audit.AuditQuery;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.notify.NotificationKind;
import org.iep.core.testsupport.RecordingListener;
import org.iep.core.testsupport.World;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.TrackingNumbers;
import org.iep.core.transaction.Transactions;
import org.junit.jupiter.api.Test;

class PurgeJobTest {
    private final World w = new World();
    private final Party ingest = new Party.System("ingest");

    private PurgeJob job(TransactionStore store) {
        Transactions service = new Transactions(store, w.directoryStore, w.nodeStore, w.access, w.auditor,
                w.notifier, w.ids, new TrackingNumbers(store), w.routing, w.clock, w.policy,
                List.of(new RecordingListener()));
        return new PurgeJob(store, w.directoryStore, w.blobs, service, new Auditor(w.audit, w.clock), w.notifier,
                w.policy);
    }

    private Transaction onIep() {
        Transaction t = w.transfer(Priority.NORMAL);
        w.transactions.advance(t.id(), TransactionStatus.ON_IEP, "", ingest, CLIENT);
        put(t, "s1/i1.dcm");
        put(t, "s1/i2.dcm");
        return t;
    }

    private void put(Transaction t, String rest) {
        w.blobs.put(BlobKey.of("tx", t.id().value()).child(rest.split("/")[0]).child(rest.split("/")[1]),
                new ByteArrayInputStream(new byte[] {1, 2, 3}));
    }

    private List<BlobKey> blobsOf(Transaction t) {
        return w.blobs.list(BlobKey.of("tx", t.id().value()));
    }

    @Test
    void imagesArePurgedFifteenDaysAfterCreationKeepingMetadataAndAudit() {
        Transaction t = onIep();
        Transaction other = w.transfer(Priority.NORMAL);
        w.clock.advance(Duration.ofDays(1));
        Transaction younger = onIep();
        w.clock.set(World.START);
        int trailBefore = w.audit.query(AuditQuery.all(100).withTransaction(t.id().value())).size();
        PurgeJob purge = job(w.store);

        PurgeReport early = purge.runOnce(World.START.plus(Duration.ofDays(14)).plus(Duration.ofHours(23)));
        assertThat(early.changedNothing()).isTrue();
        assertThat(blobsOf(t)).hasSize(2);
        assertThat(w.store.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.ON_IEP);

        w.clock.set(World.START.plus(Duration.ofDays(15)));
        PurgeReport due = purge.runOnce(w.clock.instant());

        assertThat(due.purged()).containsExactlyInAnyOrder(t.id(), other.id());
        assertThat(due.blobsDeleted()).isEqualTo(2);
        assertThat(blobsOf(t)).isEmpty();
        assertThat(blobsOf(younger)).hasSize(2);
        Transaction purged = w.store.find(t.id()).orElseThrow();
        assertThat(purged.status()).isEqualTo(TransactionStatus.PURGED);
        assertThat(purged.patient()).isEqualTo(t.patient());
        assertThat(purged.messages()).isEqualTo(t.messages());
        assertThat(purged.studies()).extracting(s -> s.status()).containsOnly(StudyStatus.PURGED);
        var trail = w.audit.query(AuditQuery.all(100).withTransaction(t.id().value()));
        assertThat(trail).hasSize(trailBefore + 2);
        assertThat(trail.subList(trailBefore, trail.size())).extracting(r -> r.event().action() + " "
                + r.event().detail()).containsExactly("retention.purge blobs=2",
                "transaction.status from=ON_IEP to=PURGED reason=retention period ended");
        assertThat(trail.get(trail.size() - 1).event().actor()).isEqualTo("system:purge");
        // `other` never reached the recipient: it closes without telling anyone.
        assertThat(w.notifier.of(NotificationKind.PURGED)).extracting(n -> n.key() + " " + n.to().address())
                .containsExactly("PURGED/" + t.id() + " desk@leic.nhs.uk");

        int records = w.audit.all().size();
        var storeState = w.store.query(TransactionQuery.all(100));
        assertThat(purge.runOnce(w.clock.instant()).changedNothing()).isTrue();
        assertThat(w.audit.all()).hasSize(records);
        assertThat(w.store.query(TransactionQuery.all(100))).isEqualTo(storeState);

        assertThat(purge.runOnce(w.clock.advance(Duration.ofDays(1))).purged()).containsExactly(younger.id());
    }

    @Test
    void aTransactionStillNewIsCancelledOnTheWayToPurged() {
        Transaction t = w.transfer(Priority.NORMAL);
        job(w.store).runOnce(World.START.plus(Duration.ofDays(15)));
        assertThat(w.store.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.PURGED);
        assertThat(w.audit.query(AuditQuery.all(100).withTransaction(t.id().value())))
                .extracting(r -> r.event().detail()).contains(
                        "from=NEW to=CANCELLED reason=retention period ended",
                        "from=CANCELLED to=PURGED reason=retention period ended");
    }

    @Test
    void aPassThatCrashesAfterDeletingBlobsIsFinishedByTheNext() {
        Transaction t = onIep();
        FailingCommits failing = new FailingCommits(w.store);
        PurgeJob purge = job(failing);
        w.clock.set(World.START.plus(Duration.ofDays(15)));

        assertThatThrownBy(() -> purge.runOnce(w.clock.instant())).isInstanceOf(InfrastructureException.class);
        assertThat(blobsOf(t)).isEmpty();
        assertThat(w.store.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.ON_IEP);

        PurgeReport resumed = purge.runOnce(w.clock.instant());
        assertThat(resumed.purged()).containsExactly(t.id());
        assertThat(resumed.blobsDeleted()).isZero();
        assertThat(w.store.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.PURGED);
        assertThat(purge.runOnce(w.clock.instant()).changedNothing()).isTrue();
    }

    @Test
    void theOriginsRetentionAppliesAndIndividualsAreTold() {
        var i = w.stee;
        w.directoryStore.putInstitution(new org.iep.api.directory.Institution(i.id(), i.code(), i.name(),
                i.contact(), i.zone(), i.coreHours(), new org.iep.api.directory.InstitutionPolicies(
                Duration.ofDays(3), Duration.ofDays(3), Duration.ZERO, false, "")));
        IndividualRecipient mary = new IndividualRecipient("mary@example.com", "Jones", "Mary", PostalAddress.NONE,
                "+447700900123", "", Locale.forLanguageTag("cy"), PasscodeChannel.SMS);
        NewTransfer c = w.transferCommand(w.steeStaff, w.stee, w.leic, Priority.NORMAL);
        Transaction t = w.transactions.createTransfer(new NewTransfer(c.actor(), c.actingFor(), c.patient(), mary,
                c.studies(), c.priority(), "", Optional.empty()), CLIENT);
        w.transactions.advance(t.id(), TransactionStatus.ON_IEP, "", ingest, CLIENT);
        w.transactions.advance(t.id(), TransactionStatus.COMPLETE, "", ingest, CLIENT);

        assertThat(job(w.store).runOnce(World.START.plus(Duration.ofDays(3))).purged()).containsExactly(t.id());
        assertThat(w.notifier.of(NotificationKind.PURGED)).singleElement().satisfies(n -> {
            assertThat(n.to().address()).isEqualTo("mary@example.com");
            assertThat(n.to().language()).isEqualTo(Locale.forLanguageTag("cy"));
        });
    }

    /** Fails the first update commit, as if the process died after the blobs were deleted. */
    private static final class FailingCommits implements TransactionStore {
        private final TransactionStore delegate;
        private boolean failed;

        FailingCommits(TransactionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Transaction> commit(TransactionChanges changes) {
            if (!failed && !changes.updates().isEmpty()) {
                failed = true;
                throw new InfrastructureException(CoreErrorCode.STORAGE_FAILURE, "database went away", true, null);
            }
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
