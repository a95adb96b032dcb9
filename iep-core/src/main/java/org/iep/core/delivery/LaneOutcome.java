package org.iep.core.delivery;

import java.util.Objects;
import java.util.Optional;
import org.iep.api.transaction.TransactionId;

/**
 * What one lane did in one {@link OutboundLanes#runOnce} pass.
 *
 * @param transaction empty when the lane was idle or the job named no known transaction
 * @param detail      the reason for a deferral, retry or give-up; empty otherwise
 */
public record LaneOutcome(int lane, Kind kind, Optional<TransactionId> transaction, String detail) {
    /** The lane's result. */
    public enum Kind {
        /** Nothing due matched the lane. */
        IDLE,
        /** The handler finished the job. */
        DELIVERED,
        /** The transaction was cancelled, declined, purged or finished meanwhile; the job was closed unrun. */
        SKIPPED,
        /** A Batch job outside its sender's overnight window, put back until the window opens. */
        DEFERRED,
        /** The handler asked for, or failed in a way that allows, another attempt. */
        RETRYING,
        /** Given up; the job stays DEAD in the queue for review. */
        DEAD
    }

    public LaneOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(detail, "detail");
    }

    static LaneOutcome idle(int lane) {
        return new LaneOutcome(lane, Kind.IDLE, Optional.empty(), "");
    }
}
