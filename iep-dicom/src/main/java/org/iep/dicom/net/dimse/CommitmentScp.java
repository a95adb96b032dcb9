package org.iep.dicom.net.dimse;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.iep.dicom.net.NetOptions;

/**
 * What a {@link DicomServer} needs to act as Storage Commitment Push Model SCP: which instances are safely stored,
 * and where each requester takes its report when it cannot go back on the requesting association.
 *
 * @param check        says, per instance, whether it is safely stored for the requesting AE title
 * @param destinations the address of a requester (by calling AE title) for a report on a new association; empty
 *                     when unknown (the report is then lost, logged and told to the listener)
 * @param options      timeouts, PDU length and TLS of that new association
 * @param retry        how a report the requester could not be reached for is tried again
 */
public record CommitmentScp(Check check, Function<String, Optional<Destination>> destinations, NetOptions options,
        Retry retry) {
    public CommitmentScp {
        Objects.requireNonNull(check);
        Objects.requireNonNull(destinations);
        Objects.requireNonNull(options);
        Objects.requireNonNull(retry);
    }

    /** With {@link Retry#DEFAULT}. */
    public CommitmentScp(Check check, Function<String, Optional<Destination>> destinations, NetOptions options) {
        this(check, destinations, options, Retry.DEFAULT);
    }

    /**
     * How a report that could not be delivered on a new association (peer down, refused, no storage commitment
     * context) is tried again: {@code attempts} in all, the second after {@code firstDelay}, each later one after
     * twice the delay before it. A requester with no known address is not retried. The retries are held by the
     * {@link DicomServer} in memory: closing it drops those not yet due (a requester that got no report asks again
     * after its own timeout, as the standard expects of it).
     */
    public record Retry(int attempts, Duration firstDelay) {
        /** Five attempts over about four minutes: 15 s, 30 s, 1 min, 2 min apart. */
        public static final Retry DEFAULT = new Retry(5, Duration.ofSeconds(15));
        /** One attempt. */
        public static final Retry NONE = new Retry(1, Duration.ZERO);

        public Retry {
            if (attempts < 1 || attempts > 20) {
                throw new IllegalArgumentException("attempts must be 1..20, not " + attempts);
            }
            if (firstDelay.isNegative() || firstDelay.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("firstDelay must be 0..1 h, not " + firstDelay);
            }
        }

        /** The wait before attempt {@code attempt} (2 for the first retry). */
        Duration delayBefore(int attempt) {
            return firstDelay.multipliedBy(1L << Math.min(attempt - 2, 30));
        }
    }

    /** The commitment decision; implementations must be thread-safe. */
    @FunctionalInterface
    public interface Check {
        /**
         * 0 when {@code ref} is safely stored for {@code callingAe}, else its Failure Reason, e.g.
         * {@link StorageCommitment#NO_SUCH_OBJECT_INSTANCE} or {@link StorageCommitment#CLASS_INSTANCE_CONFLICT}.
         */
        int failureReason(String callingAe, StorageCommitment.Ref ref);
    }

    /** A requester's storage commitment SCU as reached on a new association. */
    public record Destination(String host, int port, String aeTitle) {
        public Destination {
            Objects.requireNonNull(host);
            Objects.requireNonNull(aeTitle);
        }
    }
}
