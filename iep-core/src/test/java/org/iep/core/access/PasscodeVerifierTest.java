package org.iep.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.iep.core.access.AccessFixture.CLIENT;
import static org.iep.core.access.AccessFixture.wrong;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.PasscodeCheck;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.transaction.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasscodeVerifierTest {
    private static final String PHONE = "+447700900123";
    private AccessFixture f;
    private IndividualRecipient pat;
    private Transaction t;
    private String token;

    @BeforeEach
    void setUp() {
        f = new AccessFixture();
        pat = AccessFixture.individual("patient@test.com", PHONE);
        t = f.transferTo(pat);
        token = f.linkTokenFor(pat.email());
    }

    @Test
    void codeIsAcceptedAtNineMinutesFiftyNine() {
        String code = f.newCode(token, PHONE);
        f.clock.advance(Duration.ofSeconds(9 * 60 + 59));
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.Accepted.class);
    }

    @Test
    void codeIsAcceptedAtExactlyTenMinutes() {
        String code = f.newCode(token, PHONE);
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.Accepted.class);
    }

    @Test
    void codeIsRefusedAtTenMinutesAndOneSecond() {
        String code = f.newCode(token, PHONE);
        f.clock.advance(Duration.ofSeconds(10 * 60 + 1));
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.Expired.class);
    }

    @Test
    void codeIsSingleUse() {
        String code = f.newCode(token, PHONE);
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.Accepted.class);
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.NoCode.class);
    }

    @Test
    void fiftyConcurrentSubmissionsOfOneValidCodeOpenExactlyOneSession() throws Exception {
        String code = f.newCode(token, PHONE);
        int before = f.sessions.everPut().size();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<PasscodeCheck>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    gate.await();
                    return f.verifier.verify(token, code, CLIENT);
                }));
            }
            gate.countDown();
            int accepted = 0;
            for (Future<PasscodeCheck> r : results) {
                PasscodeCheck check = r.get(30, TimeUnit.SECONDS);
                if (check instanceof PasscodeCheck.Accepted) {
                    accepted++;
                } else {
                    assertThat(check).isInstanceOf(PasscodeCheck.NoCode.class);
                }
            }
            assertThat(accepted).isEqualTo(1);
            assertThat(f.sessions.everPut().size() - before).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void fiveWrongTriesVoidTheCode() {
        String code = f.newCode(token, PHONE);
        for (int left = 4; left >= 0; left--) {
            assertThat(f.verifier.verify(token, wrong(code), CLIENT)).isEqualTo(new PasscodeCheck.Rejected(left));
        }
        // even the right code is no good now: a new one must be sent
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.NoCode.class);
        assertThat(f.verifier.verify(token, f.newCode(token, PHONE), CLIENT))
                .isInstanceOf(PasscodeCheck.Accepted.class);
    }

    @Test
    void tenConsecutiveFailuresLockForAnHourTellTheSenderAndTheLockEnds() {
        String code = f.newCode(token, PHONE);
        fail(code, 5);
        code = f.newCode(token, PHONE);
        fail(code, 4);
        Instant lockedAt = f.clock.instant();
        PasscodeCheck tenth = f.verifier.verify(token, wrong(code), CLIENT);
        assertThat(tenth).isEqualTo(new PasscodeCheck.LockedOut(lockedAt.plus(Duration.ofHours(1))));

        // locked: the right code does nothing and no new code is sent
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.LockedOut.class);
        f.clock.advance(Duration.ofMinutes(59));
        assertThat(f.links.open(token, CLIENT)).isEqualTo(new LinkOutcome.Refused(LinkOutcome.Reason.LOCKED,
                java.util.Optional.of(lockedAt.plus(Duration.ofHours(1))),
                java.util.Optional.of(f.stee.contact())));

        f.deliver();
        assertThat(f.mail.sent()).anySatisfy(m -> {
            assertThat(m.to()).isEqualTo("medrec@stee.example.org");
            assertThat(m.subject()).isEqualTo("Access to transaction " + t.tracking() + " was locked");
            assertThat(m.textBody()).contains("pa***@te****om");
        });

        // after the hour: a new code, and the failure count starts again from zero
        f.clock.advance(Duration.ofMinutes(1));
        code = f.newCode(token, PHONE);
        assertThat(f.verifier.verify(token, wrong(code), CLIENT)).isEqualTo(new PasscodeCheck.Rejected(4));
        assertThat(grant().passcode().consecutiveFailures()).isEqualTo(1);
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.Accepted.class);
        assertThat(grant().passcode().consecutiveFailures()).isZero();
    }

    @Test
    void atMostFiveCodesAreSentPerHour() {
        Instant first = f.clock.instant();
        for (int i = 0; i < 5; i++) {
            assertThat(f.links.open(token, CLIENT)).isInstanceOf(LinkOutcome.CodeSent.class);
            f.clock.advance(Duration.ofMinutes(1));
        }
        LinkOutcome sixth = f.links.open(token, CLIENT);
        assertThat(sixth).isEqualTo(new LinkOutcome.Refused(LinkOutcome.Reason.RATE_LIMITED,
                java.util.Optional.of(first.plus(Duration.ofHours(1))), java.util.Optional.of(f.stee.contact())));
        assertThatThrownBy(() -> { throw ((LinkOutcome.Refused) sixth).toException(); })
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.PASSCODE_RATE_LIMITED));
        f.deliver();
        assertThat(f.sms.sent()).hasSize(5);

        f.clock.set(first.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(f.links.open(token, CLIENT)).isInstanceOf(LinkOutcome.CodeSent.class);
    }

    @Test
    void aResendNeverResetsConsecutiveFailures() {
        fail(f.newCode(token, PHONE), 4);
        fail(f.newCode(token, PHONE), 4);
        assertThat(grant().passcode().consecutiveFailures()).isEqualTo(8);
        String code = f.newCode(token, PHONE);
        assertThat(grant().passcode().consecutiveFailures()).isEqualTo(8);
        assertThat(f.verifier.verify(token, wrong(code), CLIENT)).isEqualTo(new PasscodeCheck.Rejected(4));
        assertThat(f.verifier.verify(token, wrong(code), CLIENT)).isInstanceOf(PasscodeCheck.LockedOut.class);
    }

    @Test
    void aNewCodeVoidsTheOldOne() {
        String old = f.newCode(token, PHONE);
        String current = f.newCode(token, PHONE);
        assumeThat(current).isNotEqualTo(old); // one in a million they coincide
        assertThat(f.verifier.verify(token, old, CLIENT)).isEqualTo(new PasscodeCheck.Rejected(4));
        assertThat(f.verifier.verify(token, current, CLIENT)).isInstanceOf(PasscodeCheck.Accepted.class);
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        String code = f.newCode(token, PHONE);
        fail(code, 3);
        assertThat(f.verifier.verify(token, code, CLIENT)).isInstanceOf(PasscodeCheck.Accepted.class);
        assertThat(grant().passcode().consecutiveFailures()).isZero();
        assertThat(grant().passcode().currentCode()).isEmpty();
    }

    @Test
    void spacesTypedInTheCodeAreIgnored() {
        String code = f.newCode(token, PHONE);
        String typed = " " + code.substring(0, 3) + " " + code.substring(3) + " ";
        assertThat(f.verifier.verify(token, typed, CLIENT)).isInstanceOf(PasscodeCheck.Accepted.class);
    }

    @Test
    void noCodeWasEverSent() {
        assertThat(f.verifier.verify(token, "123456", CLIENT)).isInstanceOf(PasscodeCheck.NoCode.class);
    }

    @Test
    void anUnknownLinkIsRefused() {
        assertThatThrownBy(() -> f.verifier.verify("not-a-token", "123456", CLIENT))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.GRANT_REVOKED));
    }

    @Test
    void eachAcceptedCodeOpensADistinctSessionNotDerivedFromTheToken() {
        PasscodeCheck.Accepted a = (PasscodeCheck.Accepted) f.verifier.verify(token, f.newCode(token, PHONE), CLIENT);
        PasscodeCheck.Accepted b = (PasscodeCheck.Accepted) f.verifier.verify(token, f.newCode(token, PHONE), CLIENT);
        assertThat(a.sessionId()).isNotEqualTo(b.sessionId()).isNotEqualTo(token).doesNotContain(token);
        assertThat(a.sessionId()).matches("[A-Za-z0-9_-]{43}");
        // two devices may be open at once
        assertThat(f.access.authorize(a.sessionId(), Action.LIST, CLIENT)).isNotNull();
        assertThat(f.access.authorize(b.sessionId(), Action.LIST, CLIENT)).isNotNull();
    }

    @Test
    void everyOutcomeIsAudited() {
        String code = f.newCode(token, PHONE);
        f.verifier.verify(token, wrong(code), CLIENT);
        f.verifier.verify(token, code, CLIENT);
        assertThat(f.audit.all()).extracting(r -> r.event().action() + ":" + r.event().outcome())
                .contains("passcode.send:SUCCESS", "passcode.verify:FAILURE", "passcode.verify:SUCCESS");
        assertThat(f.audit.all()).allSatisfy(r -> assertThat(r.event().remoteAddress()).isNotBlank());
    }

    private void fail(String code, int times) {
        for (int i = 0; i < times; i++) {
            PasscodeCheck c = f.verifier.verify(token, wrong(code), CLIENT);
            assertThat(c).isInstanceOfAny(PasscodeCheck.Rejected.class, PasscodeCheck.LockedOut.class);
        }
    }

    private AccessGrant grant() {
        return f.grantStore.forTransaction(t.id()).get(0);
    }
}
