package org.iep.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.core.access.AccessFixture.CLIENT;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.iep.api.access.AccessGrant;
import org.iep.api.recipient.CompanyRecipient;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.junit.jupiter.api.Test;

class LinkOpeningTest {
    private final AccessFixture f = new AccessFixture();

    @Test
    void theLinkMailCarriesATokenWhoseHashAloneIsStoredAndGrantWindowsFollowThePolicy() {
        IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");
        Transaction t = f.transferTo(pat);
        String token = f.linkTokenFor(pat.email());

        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 bits, URL-safe
        AccessGrant g = f.grantStore.forTransaction(t.id()).get(0);
        assertThat(g.tokenHash()).isEqualTo(f.hasher.hash(token));
        assertThat(g.mayForward()).isTrue();
        assertThat(g.viewUntil()).isEqualTo(t.created().plus(Duration.ofDays(11)));
        // the transaction lives 15 days (retention) but the individual's package only 14
        assertThat(g.expires()).isEqualTo(t.created().plus(Duration.ofDays(14)));
        assertThat(f.mail.sent()).singleElement().satisfies(m -> {
            assertThat(m.subject())
                    .isEqualTo("Images from South Tees Hospital are ready for you (" + t.tracking() + ")");
            assertThat(m.subject()).doesNotContain("SIMPSON").doesNotContain("Blanche");
            assertThat(m.textBody()).contains("https://iep.example.org/a/" + token).contains("S*** B***")
                    .contains("16/03/2026 09:00").contains("13/03/2026 09:00");
        });
    }

    @Test
    void announcingTwiceIssuesOneGrantAndOneLink() {
        IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");
        Transaction t = f.transferTo(pat);
        f.grants.available(t);
        f.deliver();
        assertThat(f.grantStore.forTransaction(t.id())).hasSize(1);
        assertThat(f.mail.sent()).hasSize(1);
    }

    @Test
    void openingSendsACodeByTextAndShowsWhereMasked() {
        IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");
        f.transferTo(pat);
        String token = f.linkTokenFor(pat.email());
        LinkOutcome.CodeSent sent = (LinkOutcome.CodeSent) f.links.open(token, CLIENT);
        assertThat(sent.maskedDestination()).isEqualTo("+44*******123");
        assertThat(sent.channel()).isEqualTo(PasscodeChannel.SMS);
        assertThat(sent.institutionName()).isEqualTo("South Tees Hospital");
        assertThat(sent.contact()).isEqualTo(f.stee.contact());
        assertThat(sent.validUntil()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(f.lastCodeTo("+447700900123")).matches("[0-9]{6}");
    }

    @Test
    void aCompanyContactWithASecondEmailGetsTheCodeThere() {
        IndividualRecipient contact = new IndividualRecipient("lawyer@firm.example", "Brief", "Lee",
                PostalAddress.NONE, "", "patient@test.com", Locale.forLanguageTag("sv-SE"), PasscodeChannel.EMAIL);
        f.transferTo(new CompanyRecipient("Firm & Partners", contact));
        String token = f.linkTokenFor("lawyer@firm.example");
        LinkOutcome.CodeSent sent = (LinkOutcome.CodeSent) f.links.open(token, CLIENT);
        assertThat(sent.maskedDestination()).isEqualTo("pa***@te****om");
        f.deliver();
        assertThat(f.mail.sent()).filteredOn(m -> m.to().equals("patient@test.com")).singleElement()
                .satisfies(m -> {
                    assertThat(m.language()).isEqualTo("sv");
                    assertThat(m.subject()).isEqualTo("Din engångskod för IEP");
                    assertThat(m.textBody()).containsPattern("\\b[0-9]{6}\\b");
                });
    }

    @Test
    void institutionRecipientsGetNoGrant() {
        Transaction t = f.transferTo(AccessFixture.individual("patient@test.com", "+447700900123"));
        Transaction toHospital = t.toBuilder().id(new org.iep.api.transaction.TransactionId("other"))
                .tracking(f.tracking.next(f.stee))
                .recipient(new InstitutionRecipient(AccessFixture.STEE, "South Tees", Optional.empty())).build();
        assertThat(f.grants.issue(toHospital)).isEmpty();
    }

    @Test
    void doctorFirstHoldsTheLinkBackAndRefusesEarlyOpening() {
        IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");
        Instant release = f.clock.instant().plus(Duration.ofDays(2));
        Transaction t = f.transferTo(pat, Optional.of(release));
        f.deliver();
        assertThat(f.mail.sent()).isEmpty();

        f.clock.set(release);
        String token = f.linkTokenFor(pat.email());
        f.clock.set(release.minusSeconds(1)); // a link somehow known before the release still does not open
        assertThat(f.links.open(token, CLIENT)).isEqualTo(new LinkOutcome.Refused(
                LinkOutcome.Reason.NOT_YET_AVAILABLE, Optional.of(release), Optional.of(f.stee.contact())));
        f.clock.set(release);
        assertThat(f.links.open(token, CLIENT)).isInstanceOf(LinkOutcome.CodeSent.class);
        assertThat(t.releaseAfter()).contains(release);
    }

    @Test
    void refusesUnknownRevokedAndExpiredLinks() {
        IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");
        Transaction t = f.transferTo(pat);
        String token = f.linkTokenFor(pat.email());

        assertThat(f.links.open("nonsense", CLIENT)).isEqualTo(new LinkOutcome.Refused(
                LinkOutcome.Reason.UNKNOWN_LINK, Optional.empty(), Optional.empty()));

        f.clock.advance(Duration.ofDays(14).plusSeconds(1));
        assertThat(((LinkOutcome.Refused) f.links.open(token, CLIENT)).reason()).isEqualTo(LinkOutcome.Reason.EXPIRED);

        f.clock.set(AccessFixture.START.plusSeconds(60));
        Transaction cancelled = f.transactions.commit(TransactionChanges.update(
                t.toBuilder().status(TransactionStatus.CANCELLED).build())).get(0);
        assertThat(((LinkOutcome.Refused) f.links.open(token, CLIENT)).reason())
                .isEqualTo(LinkOutcome.Reason.WITHDRAWN);
        f.grants.statusChanged(t, cancelled);
        assertThat(f.grantStore.forTransaction(t.id())).extracting(AccessGrant::state)
                .containsExactly(org.iep.api.access.GrantState.REVOKED);
        assertThat(f.audit.all()).extracting(r -> r.event().action() + ":" + r.event().outcome())
                .contains("passcode.send:DENIED", "grant.revoke:SUCCESS");
        f.deliver();
        assertThat(f.sms.sent()).isEmpty();
    }

    @Test
    void aLinkThatCouldNotBeQueuedIsWithdrawnAndTheNextAnnouncementIssuesAFreshOne() {
        boolean[] outboxDown = {true};
        AccessGrants flaky = new AccessGrants(f.grantStore, f.sessions, f.directory, f.hasher, f.ids, n -> {
            if (outboxDown[0]) {
                throw new org.iep.api.InfrastructureException(org.iep.api.CoreErrorCode.STORAGE_FAILURE,
                        "queue down", true, null);
            }
            f.outbox.notify(n);
        }, f.auditor, f.policy, new AccessLinks("https://iep.example.org"), f.clock);
        IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");
        Transaction t = f.transactions.commit(org.iep.api.spi.TransactionChanges.insert(
                f.transferTo(AccessFixture.individual("x@test.com", "+447700900999")).toBuilder()
                        .id(new org.iep.api.transaction.TransactionId("t-flaky")).tracking(f.tracking.next(f.stee))
                        .recipient(pat).build())).get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flaky.available(t))
                .isInstanceOf(org.iep.api.InfrastructureException.class);
        assertThat(f.grantStore.forTransaction(t.id())).extracting(AccessGrant::state)
                .containsExactly(org.iep.api.access.GrantState.REVOKED);

        outboxDown[0] = false;
        flaky.available(t);
        assertThat(f.grantStore.forTransaction(t.id())).extracting(AccessGrant::state)
                .containsExactlyInAnyOrder(org.iep.api.access.GrantState.REVOKED, org.iep.api.access.GrantState.ACTIVE);
        String token = f.linkTokenFor(pat.email());
        assertThat(f.links.open(token, CLIENT)).isInstanceOf(LinkOutcome.CodeSent.class);
    }
}
