package org.iep.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Duration;
import java.util.List;
import org.iep.api.audit.AuditQuery;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.testsupport.World;
import org.iep.core.transaction.AnswerRequest;
import org.iep.core.transaction.SelectedStudy;
import org.junit.jupiter.api.Test;

class RequestExpiryTest {
    private final World w = new World();
    private final PurgeJob purge = new PurgeJob(w.store, w.directoryStore, w.blobs, w.transactions, w.auditor,
            w.notifier, w.policy);

    @Test
    void aRequestNobodyAnsweredIsCancelledAfterFourteenDays() {
        Transaction open = w.request();
        Transaction answered = w.request();
        Transaction declined = w.request();
        w.transactions.answer(new AnswerRequest(w.leicStaff, answered.id(), List.of(new SelectedStudy(World.UID1,
                "", "")), null, ""), CLIENT);
        w.transactions.decline(w.leicStaff, declined.id(), "not clinically indicated", CLIENT);

        assertThat(purge.runOnce(World.START.plus(Duration.ofDays(13)).plus(Duration.ofHours(23)))
                .cancelledRequests()).isEmpty();
        assertThat(w.store.find(open.id()).orElseThrow().status()).isEqualTo(TransactionStatus.NEW);

        w.clock.set(World.START.plus(Duration.ofDays(14)));
        PurgeReport report = purge.runOnce(w.clock.instant());

        assertThat(report.cancelledRequests()).containsExactly(open.id());
        Transaction cancelled = w.store.find(open.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(TransactionStatus.CANCELLED);
        assertThat(cancelled.statusReason()).isEqualTo("no answer within 14 days");
        assertThat(w.store.find(answered.id()).orElseThrow().status()).isEqualTo(TransactionStatus.ANSWERED);
        assertThat(w.store.find(declined.id()).orElseThrow().status()).isEqualTo(TransactionStatus.DECLINED);
        var last = w.audit.query(AuditQuery.all(100).withTransaction(open.id().value()));
        assertThat(last.get(last.size() - 1).event().actor()).isEqualTo("system:purge");
        assertThat(purge.runOnce(w.clock.instant()).cancelledRequests()).isEmpty();
    }
}
