package org.iep.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.core.access.AccessFixture.CLIENT;
import static org.iep.core.access.IndividualAccessTest.assertDenied;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.iep.api.CoreErrorCode;
import org.iep.api.access.AccessGrant;
import org.iep.api.directory.UserId;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.junit.jupiter.api.Test;

class UploadRequestTest {
    private final AccessFixture f = new AccessFixture();

    @Test
    void aRequestToAnIndividualSendsALinkForUploadingOnly() {
        IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");
        Transaction base = f.transferTo(AccessFixture.individual("x@test.com", "+447700900999"));
        Instant now = f.clock.instant();
        Transaction request = f.transactions.commit(TransactionChanges.insert(base.toBuilder()
                .id(new TransactionId("req-1")).tracking(f.tracking.next(f.stee)).type(TransactionType.REQUEST)
                .sender(new Party.Staff(AccessFixture.STEE, new UserId("u-1"))).recipient(pat)
                .status(TransactionStatus.NEW).studies(java.util.List.of()).expires(now.plus(Duration.ofDays(14)))
                .requiredBy(Optional.of(now.plus(Duration.ofDays(7)))).build())).get(0);
        f.grants.created(request);
        f.grants.available(request); // a request never becomes "available": no second grant

        assertThat(f.grantStore.forTransaction(request.id())).singleElement()
                .satisfies(g -> assertThat(g.mayForward()).isTrue())
                .extracting(AccessGrant::expires).isEqualTo(now.plus(Duration.ofDays(14)));
        String session = f.login(pat);
        assertThat(f.mail.sent()).filteredOn(m -> m.to().equals(pat.email())).singleElement()
                .satisfies(m -> assertThat(m.subject())
                        .isEqualTo("South Tees Hospital asks you to upload images (" + request.tracking() + ")"));
        assertThat(f.access.authorize(session, Action.UPLOAD, CLIENT).transaction().id()).isEqualTo(request.id());
        assertDenied(() -> f.access.authorize(session, Action.VIEW, CLIENT), CoreErrorCode.ACCESS_DENIED);
        assertDenied(() -> f.access.authorize(session, Action.DOWNLOAD, CLIENT), CoreErrorCode.ACCESS_DENIED);
        assertDenied(() -> f.access.authorize(session, Action.FORWARD, CLIENT), CoreErrorCode.ACCESS_DENIED);
        // the individual may decline a request too
        Transaction declined = f.decline.decline(f.access.authorize(session, Action.DECLINE, CLIENT),
                "I have no images", CLIENT);
        assertThat(declined.status()).isEqualTo(TransactionStatus.DECLINED);
        assertDenied(() -> f.access.authorize(session, Action.UPLOAD, CLIENT), CoreErrorCode.SESSION_INVALID);
    }
}
