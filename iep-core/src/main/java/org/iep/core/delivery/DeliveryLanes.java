package org.iep.core.delivery;

import jakarta.inject.Inject;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.iep.api.spi.JobFilter;
import org.iep.api.transaction.Priority;
import org.iep.core.policy.IepPolicy;

/**
 * Which priorities each outbound lane may take. Lanes {@code 0 .. blueLightLanes-1} take Blue Light only, so an
 * emergency never waits behind routine work; the others take Blue Light and Normal, and Batch only while the
 * sender's local time is in the overnight window. Immutable; thread-safe.
 */
public final class DeliveryLanes {
    /** The job kind of deliveries. */
    public static final String KIND = "delivery";

    private final IepPolicy policy;

    @Inject
    public DeliveryLanes(IepPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public int lanes() {
        return policy.outboundLanes();
    }

    public boolean reservedForBlueLight(int lane) {
        checkLane(lane);
        return lane < policy.blueLightLanes();
    }

    /** The priorities {@code lane} may deliver when the sender's local time is {@code senderLocalTime}. */
    public Set<Priority> priorities(int lane, LocalTime senderLocalTime) {
        if (reservedForBlueLight(lane)) {
            return EnumSet.of(Priority.BLUE_LIGHT);
        }
        return policy.inBatchWindow(senderLocalTime) ? EnumSet.allOf(Priority.class)
                : EnumSet.of(Priority.BLUE_LIGHT, Priority.NORMAL);
    }

    /**
     * What {@code lane} leases from the queue. Senders live in different zones, so a general lane leases Batch too
     * and {@link OutboundLanes} defers a Batch job whose sender is outside its window before any work is done.
     */
    public JobFilter filter(int lane) {
        Set<Priority> p = reservedForBlueLight(lane) ? EnumSet.of(Priority.BLUE_LIGHT)
                : EnumSet.allOf(Priority.class);
        return new JobFilter(Set.of(KIND), p);
    }

    public IepPolicy policy() {
        return policy;
    }

    private void checkLane(int lane) {
        if (lane < 0 || lane >= policy.outboundLanes()) {
            throw new IllegalArgumentException("lane " + lane + " is not between 0 and "
                    + (policy.outboundLanes() - 1));
        }
    }
}
