package org.iep.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobState;
import org.iep.core.secret.Sealer;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.RecordingMailSender;
import org.iep.testkit.memory.RecordingSmsSender;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final InMemoryJobQueue queue = new InMemoryJobQueue();
    private final Sealer sealer = new Sealer(new FixedKeyProvider("outbox-test"), new SecureRandom());
    private final java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC);
    private final Outbox outbox = new Outbox(queue, sealer, clock);
    private final RecordingMailSender mail = new RecordingMailSender();
    private final RecordingSmsSender sms = new RecordingSmsSender();
    private final OutboxWorker worker = new OutboxWorker(queue, sealer, new Templates(), mail, sms,
            RetryPolicy.DEFAULT);

    private static Notification link(String key) {
        Map<String, String> v = new HashMap<>(TemplatesTest.values());
        v.put("secret.link", "https://iep.example.org/a/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg");
        return Notification.now(key, NotificationKind.AVAILABLE, Addressee.email("patient@test.com", Locale.UK), v);
    }

    private static Notification passcode(String code, Instant notAfter) {
        return new Notification("PASSCODE/g-1/" + code, NotificationKind.PASSCODE,
                Addressee.sms("+447700900123", Locale.UK),
                Map.of("institution", "South Tees", "minutes", "10", "secret.passcode", code), Instant.EPOCH, notAfter);
    }

    @Test
    void aMailOutageLosesNothingAndTheMessageIsDeliveredOnceWhenTheRelayIsBack() {
        outbox.notify(link("AVAILABLE/g-1"));
        mail.down(true);
        assertThat(worker.runOnce(T0)).isEqualTo(new OutboxRun(0, 0, 1, 0));
        assertThat(worker.runOnce(T0.plusSeconds(59))).isEqualTo(new OutboxRun(0, 0, 0, 0)); // backing off
        assertThat(worker.runOnce(T0.plusSeconds(60))).isEqualTo(new OutboxRun(0, 0, 1, 0));
        Job waiting = queue.find(Outbox.jobId("AVAILABLE/g-1")).orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
        assertThat(waiting.runAt()).isEqualTo(T0.plusSeconds(60 + 120)); // doubled

        mail.down(false);
        assertThat(worker.runOnce(T0.plusSeconds(180))).isEqualTo(new OutboxRun(1, 0, 0, 0));
        assertThat(worker.runOnce(T0.plus(Duration.ofDays(1)))).isEqualTo(new OutboxRun(0, 0, 0, 0));
        assertThat(mail.sent()).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("patient@test.com");
            assertThat(m.textBody()).contains("https://iep.example.org/a/Zm9vYmFy");
            assertThat(m.messageId()).isEqualTo(OutboxWorker.messageId(Outbox.jobId("AVAILABLE/g-1").value()));
        });
        assertThat(queue.find(Outbox.jobId("AVAILABLE/g-1")).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void notifyingTwiceSendsOnce() {
        outbox.notify(link("AVAILABLE/g-1"));
        outbox.notify(link("AVAILABLE/g-1"));
        worker.runOnce(T0);
        assertThat(mail.sent()).hasSize(1);
    }

    @Test
    void secretsAreSealedInThePayload() {
        outbox.notify(link("AVAILABLE/g-1"));
        outbox.notify(passcode("482913", T0.plus(Duration.ofMinutes(10))));
        Job linkJob = queue.find(Outbox.jobId("AVAILABLE/g-1")).orElseThrow();
        Job codeJob = queue.find(Outbox.jobId("PASSCODE/g-1/482913")).orElseThrow();
        assertThat(linkJob.kind()).isEqualTo(Outbox.MAIL);
        assertThat(codeJob.kind()).isEqualTo(Outbox.SMS);
        assertThat(linkJob.payload()).doesNotContain("Zm9vYmFy").contains("sealed.secret.link=v1.");
        assertThat(codeJob.payload().replace("482913", "")).contains("sealed.secret.passcode=v1.");
        // the code appears once: in the key (test data) — never as the value
        assertThat(codeJob.payload().split("482913", -1)).hasSize(2);
        assertThat(codeJob.payload()).contains("value.institution=South+Tees");
    }

    @Test
    void anExpiredPasscodeIsDroppedUnsent() {
        outbox.notify(passcode("482913", T0.plus(Duration.ofMinutes(10))));
        sms.down(true);
        assertThat(worker.runOnce(T0)).isEqualTo(new OutboxRun(0, 0, 1, 0));
        sms.down(false);
        // the gateway is back only after the code expired: sending it now would only confuse
        assertThat(worker.runOnce(T0.plus(Duration.ofMinutes(10)).plusSeconds(1))).isEqualTo(new OutboxRun(0, 1, 0, 0));
        assertThat(sms.sent()).isEmpty();
        assertThat(queue.find(Outbox.jobId("PASSCODE/g-1/482913")).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void aPasscodeInTimeIsTexted() {
        outbox.notify(passcode("482913", T0.plus(Duration.ofMinutes(10))));
        worker.runOnce(T0.plus(Duration.ofMinutes(10)));
        assertThat(sms.sent()).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo("+447700900123");
            assertThat(s.text()).contains("482913");
        });
    }

    @Test
    void notBeforeHoldsAMessageBack() {
        Notification n = link("AVAILABLE/g-2");
        Instant release = T0.plus(Duration.ofDays(2));
        outbox.notify(new Notification(n.key(), n.kind(), n.to(), n.values(), release, Instant.MAX));
        assertThat(worker.runOnce(release.minusSeconds(1)).total()).isZero();
        assertThat(worker.runOnce(release).sent()).isEqualTo(1);
    }

    @Test
    void backOffDoublesUpToAnHourThenTheJobIsDead() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 9, Duration.ofMinutes(5));
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofHours(1));

        OutboxWorker w = new OutboxWorker(queue, sealer, new Templates(), mail, sms, policy);
        outbox.notify(link("AVAILABLE/g-3"));
        mail.down(true);
        Instant now = T0;
        for (int attempt = 1; attempt <= 8; attempt++) {
            assertThat(w.runOnce(now).retried()).isEqualTo(1);
            Instant next = queue.find(Outbox.jobId("AVAILABLE/g-3")).orElseThrow().runAt();
            assertThat(Duration.between(now, next)).isEqualTo(policy.backoff(attempt));
            now = next;
        }
        assertThat(w.runOnce(now).dead()).isEqualTo(1);
        Job dead = queue.find(Outbox.jobId("AVAILABLE/g-3")).orElseThrow();
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.lastError()).isEqualTo("IEP-1500");
        mail.down(false);
        assertThat(w.runOnce(now.plus(Duration.ofDays(1))).total()).isZero();
        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void aTamperedPayloadIsDeadAtOnce() {
        outbox.notify(link("AVAILABLE/g-4"));
        Job j = queue.find(Outbox.jobId("AVAILABLE/g-4")).orElseThrow();
        InMemoryJobQueue other = new InMemoryJobQueue();
        // the sealed link moved into another job does not open there
        other.enqueue(Job.of(Outbox.jobId("AVAILABLE/g-5"), j.kind(), j.priority(), j.runAt(),
                j.payload().replace("key=AVAILABLE%2Fg-4", "key=AVAILABLE%2Fg-5")));
        OutboxWorker w = new OutboxWorker(other, sealer, new Templates(), mail, sms, RetryPolicy.DEFAULT);
        assertThat(w.runOnce(T0).dead()).isEqualTo(1);
        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void aLeaseLostWhileSendingDoesNotAbortThePass() {
        outbox.notify(link("AVAILABLE/g-6"));
        outbox.notify(link("AVAILABLE/g-7"));
        org.iep.api.spi.JobFilter all = new org.iep.api.spi.JobFilter(java.util.Set.of(Outbox.MAIL),
                java.util.EnumSet.allOf(org.iep.api.transaction.Priority.class));
        boolean[] first = {true};
        // a slow relay: while the first message is being sent, its lease runs out and another worker takes it
        OutboxWorker slow = new OutboxWorker(queue, sealer, new Templates(), m -> {
            if (first[0]) {
                first[0] = false;
                assertThat(queue.lease(all, T0.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5))).isPresent();
            }
            mail.send(m);
        }, sms, RetryPolicy.DEFAULT);
        assertThat(slow.runOnce(T0).sent()).isEqualTo(2);
        assertThat(mail.sent()).hasSize(2);
    }
}
