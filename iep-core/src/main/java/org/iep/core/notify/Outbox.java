package org.iep.core.notify;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.transaction.Priority;
import org.iep.core.secret.Sealer;

/**
 * The durable {@link Notifier}: each notification becomes a job on the {@link JobQueue} ({@value #MAIL} or
 * {@value #SMS}), so a relay outage delays mail but never loses it; {@link OutboxWorker} sends it. The job ID is
 * derived from the notification key, so notifying twice enqueues once. Secret values are sealed with the job ID
 * as context before they touch the queue. Passcodes go first (they expire in minutes). Thread-safe.
 */
public final class Outbox implements Notifier {
    public static final String MAIL = "outbox.mail";
    public static final String SMS = "outbox.sms";

    private final JobQueue queue;
    private final Sealer sealer;
    private final Clock clock;

    @Inject
    public Outbox(JobQueue queue, Sealer sealer, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The job that carries the notification with this key. */
    public static JobId jobId(String notificationKey) {
        return new JobId("outbox:" + notificationKey);
    }

    @Override
    public void notify(Notification n) {
        Objects.requireNonNull(n, "notification");
        JobId id = jobId(n.key());
        String payload = OutboxPayload.encode(n, secret -> sealer.seal(secret, id.value()));
        String kind = n.to().channel() == Addressee.Channel.SMS ? SMS : MAIL;
        Priority priority = n.kind() == NotificationKind.PASSCODE ? Priority.BLUE_LIGHT : Priority.NORMAL;
        Instant now = clock.instant();
        Instant runAt = n.notBefore().isAfter(now) ? n.notBefore() : now;
        queue.enqueue(Job.of(id, kind, priority, runAt, payload));
    }
}
