package org.iep.dicom.net.dimse;

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
 */
public record CommitmentScp(Check check, Function<String, Optional<Destination>> destinations, NetOptions options) {
    public CommitmentScp {
        Objects.requireNonNull(check);
        Objects.requireNonNull(destinations);
        Objects.requireNonNull(options);
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
