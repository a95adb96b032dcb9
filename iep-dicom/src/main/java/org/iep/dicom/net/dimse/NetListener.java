package org.iep.dicom.net.dimse;

/**
 * Events an SCP reports for audit and monitoring. Strings are peer-supplied: they are passed through
 * {@link Uids#printable} before they reach here. Implementations must be thread-safe and fast.
 */
public interface NetListener {

    /** A C-STORE refused before anything was kept (invalid UID, SOP class mismatch...). */
    default void refused(String callingAe, String remoteAddress, int status, String reason) {
    }

    /** An instance was received and committed. */
    default void stored(String callingAe, String remoteAddress, String sopClassUid) {
    }

    /** An association was rejected at negotiation (A-ASSOCIATE-RJ), e.g. for an unknown called AE title. */
    default void rejected(String callingAe, String calledAe, String remoteAddress, String reason) {
    }

    /** An association ended abnormally (abort, timeout, protocol error). */
    default void associationFailed(String remoteAddress, String reason) {
    }

    /** A storage commitment request (N-ACTION) refused with a failure status; nothing was checked or reported. */
    default void commitmentRefused(String callingAe, String remoteAddress, int status, String reason) {
    }

    /** A storage commitment report (N-EVENT-REPORT) was delivered to the requester. */
    default void commitmentReported(String callingAe, String transactionUid, int committed, int failed,
            boolean sameAssociation) {
    }

    /**
     * A storage commitment report could not be delivered this time and will be tried again after {@code retryIn}
     * ({@code attempt} is the attempt that failed, counting from 1).
     */
    default void commitmentReportDeferred(String callingAe, String transactionUid, String reason, int attempt,
            java.time.Duration retryIn) {
    }

    /** A storage commitment report could not be delivered and will not be tried again (no address, retries spent). */
    default void commitmentReportFailed(String callingAe, String transactionUid, String reason) {
    }

    NetListener NONE = new NetListener() {
    };
}
