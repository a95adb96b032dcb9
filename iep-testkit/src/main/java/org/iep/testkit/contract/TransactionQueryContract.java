package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.directory.InstitutionId;
import org.iep.api.patient.Patient;
import org.iep.api.patient.PatientIdentifier;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query half of the {@link TransactionStore} contract: criteria, newest-first order and limits. Adapters do
 * not extend this class directly but {@link TransactionStoreContract}, which adds the rest of the contract.
 */
public abstract class TransactionQueryContract {
    private static final InstitutionId ELSEWHERE = new InstitutionId("inst-elsewhere");

    protected TransactionStore store;

    /** A new, empty store. */
    protected abstract TransactionStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    protected final Transaction insert(Transaction t) {
        return store.commit(TransactionChanges.insert(t)).get(0);
    }

    @Test
    void emptyCriteriaMatchEverythingNewestFirst() {
        insert(Transactions.transfer(1).created(Fixtures.NOW).build());
        insert(Transactions.transfer(2).created(Fixtures.NOW.plusSeconds(3600)).build());
        insert(Transactions.transfer(3).created(Fixtures.NOW.minusSeconds(3600)).build());

        assertThat(ids(store.query(TransactionQuery.all(10)))).containsExactly("tx-2", "tx-1", "tx-3");
    }

    @Test
    void equalCreationTimesAreOrderedById() {
        insert(Transactions.transfer(2).build());
        insert(Transactions.transfer(3).build());
        insert(Transactions.transfer(1).build());

        assertThat(ids(store.query(TransactionQuery.all(10)))).containsExactly("tx-1", "tx-2", "tx-3");
    }

    @Test
    void limitKeepsTheNewest() {
        for (int n = 1; n <= 5; n++) {
            insert(Transactions.transfer(n).created(Fixtures.NOW.plusSeconds(n)).build());
        }

        assertThat(ids(store.query(TransactionQuery.all(2)))).containsExactly("tx-5", "tx-4");
        assertThat(store.query(TransactionQuery.all(1))).hasSize(1);
    }

    @Test
    void involvingMatchesSenderRecipientOrOrigin() {
        insert(Transactions.transfer(1).build());
        insert(Transactions.transfer(2).sender(new Party.System("dicom")).origin(ELSEWHERE)
                .recipient(Fixtures.SMS_RECIPIENT).build());
        insert(Transactions.transfer(3).sender(new Party.Staff(Fixtures.NTEE.id(), Fixtures.NTEE_STAFF.id()))
                .origin(ELSEWHERE).recipient(Fixtures.EMAIL_RECIPIENT).build());

        assertThat(ids(store.query(TransactionQuery.all(10).involving(Fixtures.STEE.id())))).containsExactly("tx-1");
        assertThat(ids(store.query(TransactionQuery.all(10).involving(Fixtures.NTEE.id()))))
                .containsExactly("tx-1", "tx-3");
        assertThat(ids(store.query(TransactionQuery.all(10).involving(ELSEWHERE)))).containsExactly("tx-2", "tx-3");
        assertThat(store.query(TransactionQuery.all(10).involving(new InstitutionId("inst-none")))).isEmpty();
    }

    @Test
    void statusesMatchAnyOfTheSet() {
        insert(Transactions.transfer(1).status(TransactionStatus.NEW).build());
        insert(Transactions.transfer(2).status(TransactionStatus.ON_IEP).build());
        insert(Transactions.transfer(3).status(TransactionStatus.FAILED).build());

        TransactionQuery newOrFailed = TransactionQuery.all(10)
                .withStatuses(Set.of(TransactionStatus.NEW, TransactionStatus.FAILED));
        assertThat(ids(store.query(newOrFailed))).containsExactly("tx-1", "tx-3");
        assertThat(store.query(TransactionQuery.all(10).withStatuses(Set.of(TransactionStatus.PURGED)))).isEmpty();
    }

    @Test
    void typesMatchAnyOfTheSet() {
        insert(Transactions.transfer(1).build());
        insert(Transactions.transfer(2).type(TransactionType.REQUEST).build());
        insert(Transactions.transfer(3).type(TransactionType.FORWARD).build());

        assertThat(ids(store.query(TransactionQuery.all(10).withTypes(Set.of(TransactionType.REQUEST)))))
                .containsExactly("tx-2");
        TransactionQuery sent = TransactionQuery.all(10)
                .withTypes(Set.of(TransactionType.TRANSFER, TransactionType.FORWARD));
        assertThat(ids(store.query(sent))).containsExactly("tx-1", "tx-3");
    }

    @Test
    void patientStudyAndAccessionMatchExactly() {
        insert(Transactions.transfer(1).build());
        insert(Transactions.transfer(2).patient(otherPatient("P0099"))
                .studies(List.of(Transactions.study(20), Transactions.study(21))).build());

        assertThat(ids(store.query(TransactionQuery.all(10).withPatient("P0099")))).containsExactly("tx-2");
        assertThat(store.query(TransactionQuery.all(10).withPatient("P009"))).isEmpty();
        assertThat(ids(store.query(TransactionQuery.all(10)
                .withStudy(Transactions.study(21).studyInstanceUid())))).containsExactly("tx-2");
        assertThat(ids(store.query(TransactionQuery.all(10).withAccession("ACC1")))).containsExactly("tx-1");
        assertThat(ids(store.query(TransactionQuery.all(10).withAccession("ACC20")))).containsExactly("tx-2");
        assertThat(store.query(TransactionQuery.all(10).withAccession("ACC2"))).isEmpty();
    }

    @Test
    void creationRangeIsInclusiveFromAndExclusiveTo() {
        Instant from = Fixtures.NOW;
        Instant to = Fixtures.NOW.plus(Duration.ofDays(1));
        insert(Transactions.transfer(1).created(from.minusSeconds(1)).build());
        insert(Transactions.transfer(2).created(from).build());
        insert(Transactions.transfer(3).created(to.minusSeconds(1)).build());
        insert(Transactions.transfer(4).created(to).build());

        assertThat(ids(store.query(TransactionQuery.all(10).createdBetween(from, to)))).containsExactly("tx-3", "tx-2");
    }

    @Test
    void criteriaCombineWithAnd() {
        insert(Transactions.transfer(1).status(TransactionStatus.ON_IEP).build());
        insert(Transactions.transfer(2).status(TransactionStatus.ON_IEP).patient(otherPatient("P0099")).build());
        insert(Transactions.transfer(3).status(TransactionStatus.NEW).patient(otherPatient("P0099")).build());

        TransactionQuery q = TransactionQuery.all(10).involving(Fixtures.NTEE.id()).withPatient("P0099")
                .withStatuses(Set.of(TransactionStatus.ON_IEP)).withTypes(Set.of(TransactionType.TRANSFER));
        assertThat(ids(store.query(q))).containsExactly("tx-2");
    }

    @Test
    void queriesSeeCommittedUpdates() {
        Transaction t = insert(Transactions.transfer(1).build());
        store.commit(TransactionChanges.update(t.toBuilder().status(TransactionStatus.CANCELLED).build()));

        assertThat(store.query(TransactionQuery.all(10).withStatuses(Set.of(TransactionStatus.NEW)))).isEmpty();
        assertThat(store.query(TransactionQuery.all(10).withStatuses(Set.of(TransactionStatus.CANCELLED))))
                .singleElement().satisfies(found -> assertThat(found.version()).isEqualTo(2));
    }

    protected static List<String> ids(List<Transaction> transactions) {
        return transactions.stream().map(Transaction::id).map(TransactionId::value).toList();
    }

    protected static void assertConflict(Runnable call, CoreErrorCode expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.errorCode()).isEqualTo(expected));
    }

    private static Patient otherPatient(String id) {
        Patient p = Fixtures.PATIENT;
        return new Patient(new PatientIdentifier(id, "NTEE"), "Other", "Olive", p.birthDate(), p.sex(),
                Optional.empty(), Fixtures.ADDRESS, "Not known");
    }
}
