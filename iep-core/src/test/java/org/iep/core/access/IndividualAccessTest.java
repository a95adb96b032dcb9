package org.iep.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.access.AccessFixture.CLIENT;

import java.time.Duration;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndividualAccessTest {
    private AccessFixture f;
    private IndividualRecipient pat;
    private Transaction t;

    @BeforeEach
    void setUp() {
        f = new AccessFixture();
        pat = AccessFixture.individual("patient@test.com", "+447700900123");
        t = f.transferTo(pat);
    }

    @Test
    void aSessionEndsAfterFifteenIdleMinutes() {
        String session = f.login(pat);
        f.clock.advance(Duration.ofMinutes(14));
        f.access.authorize(session, Action.VIEW, CLIENT); // a request restarts the idle timer
        f.clock.advance(Duration.ofMinutes(15));
        f.access.authorize(session, Action.VIEW, CLIENT);
        f.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertDenied(() -> f.access.authorize(session, Action.VIEW, CLIENT), CoreErrorCode.SESSION_INVALID);
        // and it stays ended
        f.clock.advance(Duration.ofSeconds(-30));
        assertDenied(() -> f.access.authorize(session, Action.VIEW, CLIENT), CoreErrorCode.SESSION_INVALID);
    }

    @Test
    void aSessionEndsAfterTwelveHoursHoweverBusy() {
        String session = f.login(pat);
        for (int i = 0; i < 72; i++) { // every 10 minutes for 12 hours
            f.clock.advance(Duration.ofMinutes(10));
            f.access.authorize(session, Action.DOWNLOAD, CLIENT);
        }
        f.clock.advance(Duration.ofSeconds(1));
        assertDenied(() -> f.access.authorize(session, Action.DOWNLOAD, CLIENT), CoreErrorCode.SESSION_INVALID);
    }

    @Test
    void viewingForElevenDaysDownloadingForFourteen() {
        f.clock.set(t.created().plus(Duration.ofDays(11)).minusSeconds(60));
        String session = f.login(pat);
        f.access.authorize(session, Action.VIEW, CLIENT);

        f.clock.set(t.created().plus(Duration.ofDays(11)).plusSeconds(1));
        String later = f.login(pat);
        assertDenied(() -> f.access.authorize(later, Action.VIEW, CLIENT), CoreErrorCode.VIEW_WINDOW_CLOSED);
        f.access.authorize(later, Action.DOWNLOAD, CLIENT);
        f.access.authorize(later, Action.FORWARD, CLIENT);

        f.clock.set(t.created().plus(Duration.ofDays(14)).minusSeconds(60));
        String last = f.login(pat);
        f.access.authorize(last, Action.DOWNLOAD, CLIENT);
        f.clock.set(t.created().plus(Duration.ofDays(14)).plusSeconds(1));
        assertDenied(() -> f.access.authorize(last, Action.DOWNLOAD, CLIENT), CoreErrorCode.GRANT_REVOKED);
        assertDenied(() -> f.access.authorize(last, Action.LIST, CLIENT), CoreErrorCode.GRANT_REVOKED);
    }

    @Test
    void unknownAndMissingSessionsAreRefused() {
        assertDenied(() -> f.access.authorize("forged", Action.LIST, CLIENT), CoreErrorCode.SESSION_INVALID);
        assertDenied(() -> f.access.authorize("", Action.LIST, CLIENT), CoreErrorCode.SESSION_INVALID);
        String session = f.login(pat);
        f.access.logout(session);
        assertDenied(() -> f.access.authorize(session, Action.LIST, CLIENT), CoreErrorCode.SESSION_INVALID);
    }

    @Test
    void aCancellationElsewhereEndsOpenSessionsAtOnce() {
        String session = f.login(pat);
        Transaction cancelled = f.transactions.commit(TransactionChanges.update(
                t.toBuilder().status(TransactionStatus.CANCELLED).build())).get(0);
        // even before any listener runs, the transaction's status alone refuses the next request
        assertDenied(() -> f.access.authorize(session, Action.VIEW, CLIENT), CoreErrorCode.GRANT_REVOKED);
        f.grants.statusChanged(t, cancelled);
        assertDenied(() -> f.access.authorize(session, Action.LIST, CLIENT), CoreErrorCode.SESSION_INVALID);
    }

    @Test
    void uploadIsOnlyForRequestsAndEveryDecisionIsAudited() {
        String session = f.login(pat);
        f.access.authorize(session, Action.VIEW, CLIENT);
        assertDenied(() -> f.access.authorize(session, Action.UPLOAD, CLIENT), CoreErrorCode.ACCESS_DENIED);
        assertThat(f.audit.all()).extracting(r -> r.event().action() + ":" + r.event().outcome())
                .contains("access.view:SUCCESS", "access.upload:DENIED");
        assertThat(f.audit.all()).filteredOn(r -> r.event().action().startsWith("access."))
                .allSatisfy(r -> {
                    assertThat(r.event().actor()).startsWith("grant:");
                    assertThat(r.event().transaction()).isEqualTo(t.id().value());
                    assertThat(r.event().remoteAddress()).isEqualTo("203.0.113.7");
                });
    }

    @Test
    void anotherTransactionForTheSameIndividualCanBeOpenedFromTheDashboard() {
        Transaction second = f.transferTo(pat);
        Transaction stranger = f.transferTo(AccessFixture.individual("other@test.com", "+447700900999"));
        String session = f.login(pat);
        assertThat(f.access.authorize(session, second.id(), Action.VIEW, CLIENT).transaction().id())
                .isEqualTo(second.id());
        assertDenied(() -> f.access.authorize(session, stranger.id(), Action.VIEW, CLIENT),
                CoreErrorCode.ACCESS_DENIED);
    }

    static void assertDenied(Runnable call, CoreErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IepException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }
}
