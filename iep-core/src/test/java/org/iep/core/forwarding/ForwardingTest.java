package org.iep.core.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.access.AccessFixture.CLIENT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.access.AccessGrant;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.access.AccessFixture;
import org.iep.core.access.Action;
import org.iep.core.access.IndividualPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForwardingTest {
    private AccessFixture f;
    private IndividualRecipient pat;
    private Transaction source;
    private IndividualPrincipal principal;

    @BeforeEach
    void setUp() {
        f = new AccessFixture();
        pat = AccessFixture.individual("patient@test.com", "+447700900123");
        source = f.transferTo(pat);
        principal = f.access.authorize(f.login(pat), Action.FORWARD, CLIENT);
    }

    static IndividualRecipient gp(int n) {
        return new IndividualRecipient("gp" + n + "@surgery.example", "Holmes", "Nathan", PostalAddress.NONE,
                "+4477009001" + (10 + n), "", Locale.UK, PasscodeChannel.SMS);
    }

    static ForwardRequest to(IndividualRecipient r) {
        return new ForwardRequest(r, "", Optional.empty(), true);
    }

    @Test
    void aForwardIsANewPackageForTheSamePatientFromTheSameOrigin() {
        Transaction fwd = f.forwarding.forward(principal,
                new ForwardRequest(gp(1), "For your review, Doctor.", Optional.empty(), true), CLIENT);

        assertThat(fwd.type()).isEqualTo(TransactionType.FORWARD);
        assertThat(fwd.status()).isEqualTo(TransactionStatus.ON_IEP);
        assertThat(fwd.parent()).contains(source.id());
        assertThat(fwd.origin()).isEqualTo(source.origin());
        assertThat(fwd.sender()).isEqualTo(new Party.Individual(principal.grant().id(), "Pat Patient"));
        assertThat(fwd.patient()).isEqualTo(source.patient());
        assertThat(fwd.studies()).isEqualTo(source.studies());
        assertThat(fwd.attachments()).isEqualTo(source.attachments());
        assertThat(fwd.tracking().value()).startsWith("STEE");
        // the source lives 15 days (retention) but the forwarder's own access 14: the forward ends with the latter
        assertThat(fwd.expires()).isEqualTo(principal.grant().expires())
                .isEqualTo(f.forwarding.latestExpiry(principal)).isBefore(source.expires());
        // the thread is carried and the new message added
        assertThat(fwd.messages()).hasSize(2);
        assertThat(fwd.messages().get(0)).isEqualTo(source.messages().get(0));
        assertThat(fwd.messages().get(1).text()).isEqualTo("For your review, Doctor.");
        assertThat(fwd.messages().get(1).author()).isEqualTo(fwd.sender());
        assertThat(f.reload(source).forwardCount()).isEqualTo(1);

        // the forwardee gets a link, can log in, but may not forward again
        AccessGrant theirs = f.grantStore.forTransaction(fwd.id()).get(0);
        assertThat(theirs.mayForward()).isFalse();
        String session = f.login(gp(1));
        f.access.authorize(session, Action.VIEW, CLIENT);
        assertThatThrownBy(() -> f.access.authorize(session, Action.FORWARD, CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.FORWARD_NOT_ALLOWED));
        IndividualPrincipal forwardee = f.access.authorize(session, Action.LIST, CLIENT);
        assertThatThrownBy(() -> f.forwarding.forward(forwardee, to(gp(2)), CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.FORWARD_NOT_ALLOWED));
    }

    @Test
    void theOriginatingInstitutionIsToldAndEverythingIsAudited() {
        Transaction fwd = f.forwarding.forward(principal, to(gp(1)), CLIENT);
        f.deliver();
        assertThat(f.mail.sent()).filteredOn(m -> m.to().equals("medrec@stee.example.org")).singleElement()
                .satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("Transaction " + source.tracking() + " was forwarded ("
                            + fwd.tracking() + ")");
                    assertThat(m.textBody()).contains("gp***@su***********le");
                });
        assertThat(f.audit.all()).extracting(r -> r.event().action() + ":" + r.event().detail())
                .contains("forward.disclaimer:accepted " + Forwarding.DISCLAIMER_VERSION,
                        "transaction.forward:forward 1 of 3 as " + fwd.tracking());
    }

    @Test
    void threeForwardsThenTheFourthIsRefused() {
        for (int i = 1; i <= 3; i++) {
            f.forwarding.forward(principal, to(gp(i)), CLIENT);
        }
        assertThatThrownBy(() -> f.forwarding.forward(principal, to(gp(4)), CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.FORWARD_LIMIT_REACHED));
        assertThat(forwards()).hasSize(3);
        assertThat(f.reload(source).forwardCount()).isEqualTo(3);
    }

    @Test
    void theDisclaimerMustBeAccepted() {
        assertThatThrownBy(() -> f.forwarding.forward(principal,
                new ForwardRequest(gp(1), "", Optional.empty(), false), CLIENT))
                .isInstanceOfSatisfying(DisclaimerNotAcceptedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CoreErrorCode.DISCLAIMER_NOT_ACCEPTED);
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("disclaimerAccepted");
                });
        assertThat(forwards()).isEmpty();
        assertThat(f.audit.all()).noneMatch(r -> r.event().action().equals("forward.disclaimer"));
    }

    @Test
    void aForwardCannotOutliveItsSource() {
        Instant later = principal.grant().expires().plusSeconds(1);
        assertThatThrownBy(() -> f.forwarding.forward(principal,
                new ForwardRequest(gp(1), "", Optional.of(later), true), CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("expiry"));
        assertThat(forwards()).isEmpty();

        Instant earlier = f.clock.instant().plus(Duration.ofDays(3));
        Transaction fwd = f.forwarding.forward(principal,
                new ForwardRequest(gp(1), "", Optional.of(earlier), true), CLIENT);
        assertThat(fwd.expires()).isEqualTo(earlier);
        assertThat(f.grantStore.forTransaction(fwd.id()).get(0).expires()).isEqualTo(earlier);
        assertThat(f.forwarding.forward(principal, to(gp(2)), CLIENT).expires())
                .isEqualTo(principal.grant().expires());
        Instant latest = principal.grant().expires();
        assertThat(f.forwarding.forward(principal, new ForwardRequest(gp(3), "", Optional.of(latest), true),
                CLIENT).expires()).isEqualTo(latest);
    }

    @Test
    void badInputListsEveryProblemAndPersistsNothing() {
        IndividualRecipient bad = new IndividualRecipient("not-an-email", " ", "", PostalAddress.NONE,
                "07700 900123", "", Locale.UK, PasscodeChannel.SMS);
        int jobsBefore = f.jobs.enqueued().size();
        int auditBefore = f.audit.all().size();
        assertThatThrownBy(() -> f.forwarding.forward(principal,
                new ForwardRequest(bad, "x".repeat(f.policy.maxTextLength() + 1), Optional.empty(), true), CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CoreErrorCode.INVALID_INPUT);
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("recipient.email",
                            "recipient.familyName", "recipient.givenName", "recipient.phone", "message");
                });
        assertThat(forwards()).isEmpty();
        assertThat(f.reload(source).forwardCount()).isZero();
        assertThat(f.reload(source).version()).isEqualTo(source.version());
        assertThat(f.jobs.enqueued()).hasSize(jobsBefore);
        assertThat(f.audit.all()).hasSize(auditBefore);
    }

    @Test
    void aSecondEmailForPasscodesMustDifferFromTheLinkAddress() {
        IndividualRecipient same = new IndividualRecipient("gp@surgery.example", "Holmes", "Nathan",
                PostalAddress.NONE, "", "GP@surgery.example", Locale.UK, PasscodeChannel.EMAIL);
        assertThatThrownBy(() -> f.forwarding.forward(principal, to(same), CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("recipient.passcodeEmail"));
    }

    @Test
    void aDeclinedSourceCannotBeForwarded() {
        f.decline.decline(f.access.authorize(f.login(pat), Action.DECLINE, CLIENT), "wrong patient", CLIENT);
        assertThatThrownBy(() -> f.forwarding.forward(principal, to(gp(1)), CLIENT))
                .isInstanceOfSatisfying(org.iep.api.AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.GRANT_REVOKED));
        assertThat(forwards()).isEmpty();
    }

    private List<Transaction> forwards() {
        return f.transactions.query(TransactionQuery.all(100).withTypes(java.util.Set.of(TransactionType.FORWARD)));
    }
}
