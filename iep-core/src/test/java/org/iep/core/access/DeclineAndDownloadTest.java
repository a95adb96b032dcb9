package org.iep.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.access.AccessFixture.CLIENT;
import static org.iep.core.access.IndividualAccessTest.assertDenied;

import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantState;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.packaging.PackagePreparation;
import org.iep.core.packaging.PackageResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeclineAndDownloadTest {
    private static final String SHA = "a".repeat(64);
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
    void declineRevokesAccessAtOnceAndTellsTheSender() {
        String phone = f.login(pat);
        String laptop = f.login(pat);
        IndividualPrincipal p = f.access.authorize(phone, Action.DECLINE, CLIENT);

        Transaction declined = f.decline.decline(p, "  These are not my images.  ", CLIENT);

        assertThat(declined.status()).isEqualTo(TransactionStatus.DECLINED);
        assertThat(declined.statusReason()).isEqualTo("These are not my images.");
        assertThat(f.reload(t)).isEqualTo(declined);
        // the other device's open session is refused on its very next request
        assertDenied(() -> f.access.authorize(laptop, Action.VIEW, CLIENT), CoreErrorCode.SESSION_INVALID);
        assertDenied(() -> f.access.authorize(phone, Action.LIST, CLIENT), CoreErrorCode.SESSION_INVALID);
        assertThat(f.grantStore.forTransaction(t.id())).extracting(AccessGrant::state)
                .containsExactly(GrantState.DECLINED);
        String token = f.linkTokenFor(pat.email());
        assertThat(((LinkOutcome.Refused) f.links.open(token, CLIENT)).reason())
                .isEqualTo(LinkOutcome.Reason.WITHDRAWN);

        f.deliver();
        assertThat(f.mail.sent()).filteredOn(m -> m.to().equals("medrec@stee.example.org")).singleElement()
                .satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("Transaction " + t.tracking() + " was declined");
                    assertThat(m.textBody()).contains("These are not my images.");
                });
        assertThat(f.audit.all()).extracting(r -> r.event().action() + ":" + r.event().outcome())
                .contains("transaction.decline:SUCCESS", "grant.revoke:SUCCESS");
    }

    @Test
    void aDeclineNeedsAReasonAndChangesNothingWithout() {
        IndividualPrincipal p = f.access.authorize(f.login(pat), Action.DECLINE, CLIENT);
        assertThatThrownBy(() -> f.decline.decline(p, "  ", CLIENT)).isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.problems()).extracting("field").containsExactly("reason"));
        assertThat(f.reload(t).status()).isEqualTo(TransactionStatus.ON_IEP);
        assertThat(f.grantStore.forTransaction(t.id()).get(0).state()).isEqualTo(GrantState.ACTIVE);
    }

    @Test
    void downloadCompletesThePackageAndAuditsItsHash() {
        String session = f.login(pat);
        IndividualPrincipal p = f.access.authorize(session, Action.DOWNLOAD, CLIENT);
        Transaction complete = f.downloads.recordDownload(p, SHA, CLIENT);
        assertThat(complete.status()).isEqualTo(TransactionStatus.COMPLETE);
        // a second download keeps it complete and is audited again
        assertThat(f.downloads.recordDownload(p, SHA, CLIENT).status()).isEqualTo(TransactionStatus.COMPLETE);
        assertThat(f.audit.all()).filteredOn(r -> r.event().action().equals("package.download"))
                .hasSize(2).allSatisfy(r -> assertThat(r.event().detail()).isEqualTo("sha256=" + SHA));
        // viewing and downloading go on; declining a package one has downloaded is no longer possible
        f.access.authorize(session, Action.VIEW, CLIENT);
        assertThatThrownBy(() -> f.decline.decline(p, "changed my mind", CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void aDownloadStreamedBeforeItsHashWasKnownIsAuditedByFingerprintAndItsHashingQueuedFirst() {
        IndividualPrincipal p = f.access.authorize(f.login(pat), Action.DOWNLOAD, CLIENT);
        String fingerprint = "f".repeat(64);
        PackageResult streamed = new PackageResult(fingerprint, Optional.empty(), 4096, 2, 0);

        assertThat(f.downloads.recordDownload(p, streamed, CLIENT).status()).isEqualTo(TransactionStatus.COMPLETE);

        assertThat(f.jobs.enqueued()).filteredOn(j -> j.kind().equals(PackagePreparation.HASH_KIND))
                .singleElement().satisfies(j -> assertThat(j.payload()).isEqualTo(t.id().value() + " "
                        + fingerprint));
        assertThat(f.audit.all()).filteredOn(r -> r.event().action().equals("package.download")).singleElement()
                .satisfies(r -> assertThat(r.event().detail()).isEqualTo("package=" + fingerprint
                        + " sha256=pending (package.hash)"));
        // with its hash the download is audited by it, and nothing is queued
        f.downloads.recordDownload(p, new PackageResult(fingerprint, Optional.of(SHA), 4096, 2, 0), CLIENT);
        assertThat(f.jobs.enqueued()).filteredOn(j -> j.kind().equals(PackagePreparation.HASH_KIND)).hasSize(1);
        assertThat(f.audit.all()).filteredOn(r -> r.event().action().equals("package.download"))
                .last().satisfies(r -> assertThat(r.event().detail()).isEqualTo("sha256=" + SHA));
    }

    @Test
    void aDownloadNeedsAProperHash() {
        IndividualPrincipal p = f.access.authorize(f.login(pat), Action.DOWNLOAD, CLIENT);
        assertThatThrownBy(() -> f.downloads.recordDownload(p, "abc", CLIENT))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> f.downloads.recordDownload(p, new PackageResult("../x", Optional.empty(), 1, 1, 0),
                CLIENT)).isInstanceOf(InvalidInputException.class);
        assertThat(f.jobs.enqueued()).noneMatch(j -> j.kind().equals(PackagePreparation.HASH_KIND));
        assertThat(f.reload(t).status()).isEqualTo(TransactionStatus.ON_IEP);
    }
}
