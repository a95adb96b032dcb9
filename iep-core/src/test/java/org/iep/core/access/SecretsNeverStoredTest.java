package org.iep.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.core.access.AccessFixture.CLIENT;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.PasscodeCheck;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.spi.Job;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Transaction;
import org.iep.core.forwarding.ForwardRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole individual journey — link, passcodes (with an SMS outage), sessions, a forward and the
 * forwardee's login and decline — then scans every store, every job payload and every log line for the actual
 * tokens, codes and session IDs handed out.
 */
class SecretsNeverStoredTest {
    private final AccessFixture f = new AccessFixture();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<String> tokens = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();
    private final List<String> sessionIds = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        logs.setContext(root.getLoggerContext());
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
        logs.stop();
    }

    @Test
    void noTokenCodeOrSessionIdIsStoredQueuedAuditedOrLogged() {
        IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");
        f.transferTo(pat);
        String token = f.linkTokenFor(pat.email());
        tokens.add(token);

        codes.add(f.newCode(token, pat.phone()));
        f.verifier.verify(token, AccessFixture.wrong(codes.get(0)), CLIENT);
        f.sms.down(true);
        assertThat(f.links.open(token, CLIENT)).isInstanceOf(LinkOutcome.CodeSent.class);
        f.deliver(); // fails and is logged
        f.sms.down(false);
        f.clock.advance(Duration.ofMinutes(1));
        codes.add(f.lastCodeTo(pat.phone()));
        PasscodeCheck.Accepted ok = (PasscodeCheck.Accepted) f.verifier.verify(token, codes.get(1), CLIENT);
        sessionIds.add(ok.sessionId());
        sessionIds.add(f.login(pat));
        codes.add(f.lastCodeTo(pat.phone()));

        IndividualPrincipal p = f.access.authorize(ok.sessionId(), Action.FORWARD, CLIENT);
        f.access.authorize(sessionIds.get(1), Action.VIEW, CLIENT);
        IndividualRecipient gp = AccessFixture.individual("gp@surgery.example", "+447700900456");
        f.forwarding.forward(p, new ForwardRequest(gp, "Please review", Optional.empty(), true), CLIENT);
        tokens.add(f.linkTokenFor(gp.email()));
        String gpSession = f.login(gp);
        sessionIds.add(gpSession);
        codes.add(f.lastCodeTo(gp.phone()));
        f.decline.decline(f.access.authorize(gpSession, Action.DECLINE, CLIENT), "Not my patient", CLIENT);
        // someone else guesses until the grant locks
        IndividualRecipient other = AccessFixture.individual("other@test.com", "+447700900789");
        f.transferTo(other);
        String otherToken = f.linkTokenFor(other.email());
        tokens.add(otherToken);
        for (int round = 0; round < 2; round++) {
            String code = f.newCode(otherToken, other.phone());
            codes.add(code);
            for (int i = 0; i < 5; i++) {
                f.verifier.verify(otherToken, AccessFixture.wrong(code), CLIENT);
            }
        }
        f.deliver();

        assertThat(logs.list).as("the scenario logged the outage and the lock, so the log scan means something")
                .anyMatch(e -> e.getLevel() == Level.WARN && e.getLoggerName().contains("OutboxWorker"))
                .anyMatch(e -> e.getFormattedMessage().contains("locked until"));
        assertThat(tokens).hasSize(3);
        assertThat(codes).hasSize(6).allMatch(c -> c.matches("[0-9]{6}"));
        assertThat(sessionIds).hasSize(3);

        List<String> haystack = everythingStored();
        for (String secret : tokens) {
            assertThat(haystack).noneMatch(s -> s.contains(secret));
        }
        for (String secret : sessionIds) {
            assertThat(haystack).noneMatch(s -> s.contains(secret));
        }
        for (String code : codes) {
            // a six-digit run on its own, not part of a longer number such as an epoch or a hash
            Pattern alone = Pattern.compile("(?<![0-9a-fA-F])" + code + "(?![0-9a-fA-F])");
            assertThat(haystack).noneMatch(s -> alone.matcher(s).find());
        }
        // ...while the mail and texts themselves did carry them (the scan looked for the right strings)
        assertThat(f.sms.sent()).anyMatch(s -> s.text().contains(codes.get(3)));
        assertThat(f.mail.sent()).anyMatch(m -> m.textBody().contains(tokens.get(1)));
    }

    private List<String> everythingStored() {
        List<String> all = new ArrayList<>();
        List<Transaction> transactions = f.transactions.query(TransactionQuery.all(1000));
        assertThat(transactions).hasSize(3);
        for (Transaction t : transactions) {
            all.add(t.toString());
            for (AccessGrant g : f.grantStore.forTransaction(t.id())) {
                all.add(g.toString());
                all.add(g.tokenHash().hex());
                g.passcode().currentCode().ifPresent(h -> all.add(h.hex()));
            }
        }
        f.sessions.everPut().forEach(s -> {
            all.add(s.toString());
            all.add(s.idHash().hex());
        });
        f.audit.all().forEach(r -> all.add(r.toString()));
        for (Job j : f.jobs.enqueued()) {
            all.add(j.toString());
            f.jobs.find(j.id()).ifPresent(current -> all.add(current.toString()));
        }
        for (ILoggingEvent e : logs.list) {
            all.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                all.add(e.getThrowableProxy().getMessage());
            }
        }
        assertThat(f.sessions.everPut()).isNotEmpty();
        assertThat(f.jobs.enqueued()).hasSizeGreaterThan(5);
        return all;
    }
}
