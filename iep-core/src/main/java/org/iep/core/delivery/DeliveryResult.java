package org.iep.core.delivery;

import java.time.Duration;
import java.util.Objects;

/** What a {@link DeliveryHandler} achieved. */
public sealed interface DeliveryResult permits DeliveryResult.Done, DeliveryResult.Retry, DeliveryResult.GiveUp {
    /** The work is finished; the job is completed. */
    record Done() implements DeliveryResult {
    }

    /** Try again after {@code after} (a PACS busy, a node down). */
    record Retry(Duration after, String reason) implements DeliveryResult {
        public Retry {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Will never succeed; the job is kept as dead for review. */
    record GiveUp(String reason) implements DeliveryResult {
        public GiveUp {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
