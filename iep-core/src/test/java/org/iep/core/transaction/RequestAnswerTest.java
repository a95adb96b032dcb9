package org.iep.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Duration;
import java.util.List;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.notify.NotificationKind;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;

class RequestAnswerTest {
    private final World w = new World();

    private AnswerRequest answer(Transaction request) {
        return new AnswerRequest(w.leicStaff, request.id(), List.of(new SelectedStudy(World.UID2, "L77", "MR knee")),
                null, "Here you are");
    }

    @Test
    void answeringARequestLinksATransferAndMarksTheRequestAnsweredInOneCommit() {
        Transaction request = w.transactions.createRequest(w.requestCommand(w.steeRequester), CLIENT);
        assertThat(request.tracking().value()).isEqualTo("STEE0000001");
        assertThat(request.messages()).singleElement().satisfies(m ->
                assertThat(m.text()).isEqualTo("CT head of 12 Feb; Dr Who, neurology"));
        w.clock.advance(Duration.ofHours(3));

        Answered a = w.transactions.answer(answer(request), CLIENT);

        Transaction storedRequest = w.store.find(request.id()).orElseThrow();
        Transaction transfer = w.store.find(a.transfer().id()).orElseThrow();
        assertThat(storedRequest).isEqualTo(a.request());
        assertThat(storedRequest.status()).isEqualTo(TransactionStatus.ANSWERED);
        assertThat(storedRequest.statusReason()).isEqualTo("answered by LEIC0000001");
        assertThat(storedRequest.version()).isEqualTo(2);
        assertThat(transfer).isEqualTo(a.transfer());
        assertThat(transfer.type()).isEqualTo(TransactionType.TRANSFER);
        assertThat(transfer.parent()).contains(request.id());
        assertThat(transfer.tracking().value()).isEqualTo("LEIC0000001");
        assertThat(transfer.origin()).isEqualTo(w.leic.id());
        assertThat(transfer.recipient()).isEqualTo(new InstitutionRecipient(w.stee.id(), "St Elsewhere",
                java.util.Optional.empty()));
        assertThat(transfer.destination()).contains(w.steePacs.id());
        assertThat(transfer.patient()).isEqualTo(request.patient());
        assertThat(transfer.priority()).isEqualTo(Priority.NORMAL);
        assertThat(transfer.status()).isEqualTo(TransactionStatus.NEW);

        assertThat(actions(request)).containsExactly("transaction.create", "transaction.status",
                "transaction.answer");
        assertThat(trail(request).get(1).event().detail()).isEqualTo("from=NEW to=ANSWERED reason=answered by "
                + "LEIC0000001");
        assertThat(actions(transfer)).containsExactly("transaction.create");
        assertThat(trail(transfer).get(0).event().detail()).contains("parent=" + request.id());
        assertThat(w.listener.events).containsExactly("created:STEE0000001",
                "status:STEE0000001:NEW->ANSWERED", "created:LEIC0000001");
        assertThat(w.notifier.of(NotificationKind.CREATED)).extracting(n -> n.to().address())
                .containsExactly("desk@leic.nhs.uk", "desk@stee.nhs.uk");
    }

    @Test
    void aRequestIsAnsweredOnceAndOnlyByTheAskedInstitution() {
        Transaction request = w.request();
        TransferCreationTest.assertDenied(() -> w.transactions.answer(new AnswerRequest(w.steeStaff, request.id(),
                answer(request).studies(), null, ""), CLIENT), CoreErrorCode.WRONG_INSTITUTION);
        w.transactions.answer(answer(request), CLIENT);
        assertThatThrownBy(() -> w.transactions.answer(answer(request), CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ILLEGAL_TRANSITION));
        Transaction transfer = w.transfer(Priority.NORMAL);
        TransferCreationTest.assertDenied(() -> w.transactions.answer(new AnswerRequest(w.leicStaff,
                transfer.id(), answer(request).studies(), null, ""), CLIENT), CoreErrorCode.WRONG_INSTITUTION);
    }

    private List<AuditRecord> trail(Transaction t) {
        return w.audit.query(AuditQuery.all(100).withTransaction(t.id().value()));
    }

    private List<String> actions(Transaction t) {
        return trail(t).stream().map(r -> r.event().action()).toList();
    }
}
