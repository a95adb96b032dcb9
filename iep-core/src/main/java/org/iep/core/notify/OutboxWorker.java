package org.iep.core.notify;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iep.api.ConflictException;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.LeasedJob;
import org.iep.api.spi.MailMessage;
import org.iep.api.spi.MailSender;
import org.iep.api.spi.SmsMessage;
import org.iep.api.spi.SmsSender;
import org.iep.api.transaction.Priority;
import org.iep.core.secret.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the {@link Outbox} queued: leases due outbox jobs, drops those past their {@code notAfter} (an
 * expired passcode is useless and confusing), renders them in the addressee's language and hands them to the
 * {@link MailSender} or {@link SmsSender} with a message ID that is stable across retries. A retryable failure
 * puts the job back with exponential back-off ({@link RetryPolicy}); anything else, or too many attempts, makes
 * it DEAD. Logs name jobs by ID and kind only — never an address, body or secret. Stateless and thread-safe;
 * several workers may run at once (the queue's leases keep them apart).
 */
public final class OutboxWorker {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final JobFilter FILTER = new JobFilter(Set.of(Outbox.MAIL, Outbox.SMS),
            EnumSet.allOf(Priority.class));
    // one pass never runs forever, even if producers keep adding due jobs
    private static final int MAX_JOBS_PER_RUN = 1000;

    private final JobQueue queue;
    private final Sealer sealer;
    private final Templates templates;
    private final MailSender mail;
    private final SmsSender sms;
    private final RetryPolicy retry;

    @Inject
    public OutboxWorker(JobQueue queue, Sealer sealer, Templates templates, MailSender mail, SmsSender sms,
                        RetryPolicy retry) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.sms = Objects.requireNonNull(sms, "sms");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** Handles every outbox job due at {@code now}; returns what happened. */
    public OutboxRun runOnce(Instant now) {
        int sent = 0;
        int dropped = 0;
        int retried = 0;
        int dead = 0;
        for (int i = 0; i < MAX_JOBS_PER_RUN; i++) {
            Optional<LeasedJob> next = queue.lease(FILTER, now, retry.lease());
            if (next.isEmpty()) {
                break;
            }
            switch (handle(next.get(), now)) {
                case SENT -> sent++;
                case DROPPED -> dropped++;
                case RETRIED -> retried++;
                case DEAD -> dead++;
            }
        }
        return new OutboxRun(sent, dropped, retried, dead);
    }

    private enum Result { SENT, DROPPED, RETRIED, DEAD }

    private Result handle(LeasedJob lease, Instant now) {
        String jobId = lease.job().id().value();
        try {
            Notification n = OutboxPayload.decode(lease.job().payload(), sealed -> sealer.open(sealed, jobId));
            if (now.isAfter(n.notAfter())) {
                LOG.info("Outbox job {} ({}) expired before it could be sent; dropped", jobId, n.kind());
                finish(lease);
                return Result.DROPPED;
            }
            RenderedMessage m = templates.render(n.kind(), n.to().language(), n.values());
            String messageId = messageId(jobId);
            if (n.to().channel() == Addressee.Channel.SMS) {
                sms.send(new SmsMessage(messageId, n.to().address(), m.sms()));
            } else {
                mail.send(new MailMessage(messageId, n.to().address(), m.subject(), m.text(), m.html(),
                        m.language()));
            }
            finish(lease);
            return Result.SENT;
        } catch (InfrastructureException e) {
            return failed(lease, now, e.retryable(), e.errorCode().code(), e);
        } catch (RuntimeException e) {
            // a broken payload or template will not heal by waiting: give up at once, loudly
            return failed(lease, now, false, e.getClass().getSimpleName(), e);
        }
    }

    private Result failed(LeasedJob lease, Instant now, boolean retryable, String code, RuntimeException e) {
        String jobId = lease.job().id().value();
        int attempts = lease.job().attempts();
        if (retryable && attempts < retry.maxAttempts()) {
            Instant at = now.plus(retry.backoff(attempts));
            LOG.warn("Outbox job {} failed (attempt {}, {}); retrying at {}", jobId, attempts, code, at);
            giveBack(lease, Optional.of(at), code);
            return Result.RETRIED;
        }
        LOG.error("Outbox job {} failed (attempt {}, {}); giving up, the job is DEAD", jobId, attempts, code, e);
        giveBack(lease, Optional.empty(), code);
        return Result.DEAD;
    }

    // A lease that ran out while sending belongs to another worker now; it will send again with the same message
    // ID (at-least-once), so this worker only reports and moves on instead of failing the whole pass.
    private void finish(LeasedJob lease) {
        try {
            queue.complete(lease);
        } catch (ConflictException e) {
            LOG.warn("Outbox job {} was sent but its lease had expired; another worker may send it again",
                    lease.job().id());
        }
    }

    private void giveBack(LeasedJob lease, Optional<Instant> runAt, String code) {
        try {
            queue.retry(lease, runAt, code);
        } catch (ConflictException e) {
            LOG.warn("Outbox job {} failed but its lease had expired; its new owner decides", lease.job().id());
        }
    }

    // Stable per job, so a relay or the recipient's client can spot a duplicate after an at-least-once redelivery.
    static String messageId(String jobId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(jobId.getBytes(StandardCharsets.UTF_8));
            return "iep." + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
