package org.iep.api.spi;

import java.time.Instant;
import java.util.Objects;
import org.iep.api.transaction.Priority;

/**
 * Durable work: a delivery, an outbox message, a purge.
 *
 * @param kind     what handles it, e.g. {@code outbox.mail}, {@code delivery}, {@code purge}
 * @param payload  the handler's input (text, usually JSON); never a secret in plain text
 * @param attempts how many times it was leased
 */
public record Job(
        JobId id,
        String kind,
        Priority priority,
        Instant runAt,
        String payload,
        JobState state,
        int attempts,
        String lastError) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
    }

    public static Job of(JobId id, String kind, Priority priority, Instant runAt, String payload) {
        return new Job(id, kind, priority, runAt, payload, JobState.QUEUED, 0, "");
    }
}
