package org.iep.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Duration;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.audit.AuditQuery;
import org.iep.api.directory.Role;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.notify.NotificationKind;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;

class DeclineCancelMessageTest {
    private final World w = new World();
    private final Party ingest = new Party.System("ingest");

    @Test
    void theAskedInstitutionDeclinesARequestWithAReasonAndTheRequesterIsTold() {
        Transaction request = w.request();
        TransferCreationTest.assertDenied(() -> w.transactions.decline(w.steeStaff, request.id(), "no",
                CLIENT), CoreErrorCode.WRONG_INSTITUTION);
        var denied = w.audit.all().get(w.audit.all().size() - 1).event();
        assertThat(denied.action()).isEqualTo("transaction.decline");
        assertThat(denied.outcome()).isEqualTo(org.iep.api.audit.Outcome.DENIED);
        assertThat(denied.transaction()).isEqualTo(request.id().value());
        assertThat(denied.detail()).isEqualTo("IEP-1101");
        assertThat(w.store.find(request.id())).contains(request);

        Transaction declined = w.transactions.decline(w.leicStaff, request.id(), "study does not exist here",
                CLIENT);

        assertThat(declined.status()).isEqualTo(TransactionStatus.DECLINED);
        assertThat(declined.statusReason()).isEqualTo("study does not exist here");
        assertThat(w.store.find(request.id())).contains(declined);
        assertThat(lastAction(request)).isEqualTo("from=NEW to=DECLINED reason=study does not exist here");
        assertThat(w.notifier.of(NotificationKind.DECLINED)).singleElement().satisfies(n -> {
            assertThat(n.to().address()).isEqualTo("desk@stee.nhs.uk");
            assertThat(n.values()).containsEntry("reason", "study does not exist here");
        });
        assertThat(w.listener.events).endsWith("status:STEE0000001:NEW->DECLINED");
        assertThatThrownBy(() -> w.transactions.cancel(w.steeStaff, request.id(), "too late", CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void onlyTheSendersStaffMayAddFilesOrReportsAndEveryRefusalIsAudited() {
        Transaction t = w.transfer(Priority.NORMAL);
        assertThat(w.transactions.requireSender(w.steeStaff, t.id(), "report.attach", CLIENT).id()).isEqualTo(t.id());
        TransferCreationTest.assertDenied(() -> w.transactions.requireSender(w.leicStaff, t.id(), "report.attach",
                CLIENT), CoreErrorCode.WRONG_INSTITUTION);
        TransferCreationTest.assertDenied(() -> w.transactions.requireSender(w.steeAuditor, t.id(), "upload.open",
                CLIENT), CoreErrorCode.ROLE_NOT_ALLOWED);
        assertThat(w.audit.all().stream().map(r -> r.event()).filter(e -> e.outcome()
                == org.iep.api.audit.Outcome.DENIED).map(e -> e.action() + " " + e.detail()).toList())
                .containsExactly("report.attach IEP-1101", "upload.open IEP-1102");
    }

    @Test
    void aTransferIsDeclinedOnlyOnceItIsOnIep() {
        Transaction t = w.transfer(Priority.NORMAL);
        assertThatThrownBy(() -> w.transactions.decline(w.leicStaff, t.id(), "wrong patient", CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ILLEGAL_TRANSITION));
        w.transactions.advance(t.id(), TransactionStatus.ON_IEP, "", ingest, CLIENT);
        assertThat(w.transactions.decline(w.leicStaff, t.id(), "wrong patient", CLIENT).status())
                .isEqualTo(TransactionStatus.DECLINED);
    }

    @Test
    void theSendingInstitutionCancelsWithAReason() {
        Transaction t = w.transfer(Priority.NORMAL);
        TransferCreationTest.assertDenied(() -> w.transactions.cancel(w.leicStaff, t.id(), "x", CLIENT),
                CoreErrorCode.WRONG_INSTITUTION);
        TransferCreationTest.assertDenied(() -> w.transactions.cancel(w.steeRequester, t.id(), "x", CLIENT),
                CoreErrorCode.ROLE_NOT_ALLOWED);

        Transaction cancelled = w.transactions.cancel(w.steeAdmin, t.id(), "sent in error", CLIENT);
        assertThat(cancelled.status()).isEqualTo(TransactionStatus.CANCELLED);
        assertThat(lastAction(t)).isEqualTo("from=NEW to=CANCELLED reason=sent in error");

        // A request-only user may cancel the request they could create.
        Transaction r = w.transactions.createRequest(w.requestCommand(w.steeRequester), CLIENT);
        assertThat(w.transactions.cancel(w.steeRequester, r.id(), "found on CD", CLIENT).status())
                .isEqualTo(TransactionStatus.CANCELLED);
    }

    @Test
    void bothSidesWriteInTheThreadAndOutsidersCannot() {
        Transaction t = w.request();
        w.clock.advance(Duration.ofMinutes(5));
        w.transactions.addMessage(w.leicStaff, t.id(), "Which date?", CLIENT);
        w.clock.advance(Duration.ofMinutes(5));
        Transaction after = w.transactions.addMessage(w.steeRequester, t.id(), "12 Feb", CLIENT);

        assertThat(after.messages()).extracting(m -> m.text()).containsExactly(
                "CT head of 12 Feb; Dr Who, neurology", "Which date?", "12 Feb");
        assertThat(after.messages().get(1).author()).isEqualTo(new Party.Staff(w.leic.id(), w.leicStaff));
        assertThat(after.messages().get(1).at()).isEqualTo(World.START.plus(Duration.ofMinutes(5)));
        assertThat(w.audit.query(AuditQuery.all(10).withTransaction(t.id().value())))
                .extracting(r -> r.event().action()).containsExactly("transaction.create", "transaction.message",
                        "transaction.message");

        var nott = w.directory.createInstitution(World.institution("NOTT", "Nottingham", "a@nott.nhs.uk"), CLIENT);
        var outsider = w.user(nott.institution().id(), nott.administrator().id(), "s@nott.nhs.uk", Role.STANDARD);
        TransferCreationTest.assertDenied(() -> w.transactions.addMessage(outsider, t.id(), "hi", CLIENT),
                CoreErrorCode.WRONG_INSTITUTION);
        TransferCreationTest.assertDenied(() -> w.transactions.addMessage(w.steeAuditor, t.id(), "hi", CLIENT),
                CoreErrorCode.ROLE_NOT_ALLOWED);
        assertThatThrownBy(() -> w.transactions.view(outsider, t.id(), CLIENT)).isInstanceOf(NotFoundException.class);
        assertThat(w.transactions.view(w.steeAuditor, t.id(), CLIENT).messages()).hasSize(3);
        assertThat(w.audit.query(AuditQuery.all(10).withTransaction(t.id().value())).stream()
                .filter(r -> r.event().action().equals("transaction.view"))
                .map(r -> r.event().actor() + " " + r.event().outcome())).containsExactly(
                        "user:" + outsider + " DENIED", "user:" + w.steeAuditor + " SUCCESS");
    }

    private String lastAction(Transaction t) {
        var trail = w.audit.query(AuditQuery.all(100).withTransaction(t.id().value()));
        return trail.get(trail.size() - 1).event().detail();
    }
}
