package org.iep.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomException;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.net.Association;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.pdu.PresentationContext;
import org.iep.dicom.net.pdu.RoleSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage commitment in the {@link DicomServer}: an N-ACTION is validated (refused with a failure status, nothing
 * else done, when any part is invalid), answered, checked instance by instance and reported (N-EVENT-REPORT) on
 * the same association when the requester selected the SCP role there and is still connected, else on a new
 * association to it, tried again later when the requester cannot be reached ({@link CommitmentScp.Retry}). An
 * N-EVENT-REPORT that comes to us is handed to {@link PendingCommitments}.
 */
final class CommitmentService {
    private static final Logger LOG = LoggerFactory.getLogger(CommitmentService.class);

    private CommitmentService() {
    }

    /** Serves an N-ACTION-RQ on a storage commitment context. */
    static void action(Association a, int pcId, CommandSet cmd, int msgId, CommitmentScp scp, NetListener listener,
            ScheduledExecutorService retries) {
        PresentationContext pc = a.contexts().get(pcId);
        String calling = a.callingAe().strip();
        StorageCommitment.Parsed parsed;
        if (!cmd.hasDataSet()) {
            parsed = StorageCommitment.Parsed.refused(StorageCommitment.INVALID_ARGUMENT_VALUE, "N-ACTION without a"
                    + " data set");
        } else {
            parsed = readRequest(a, pcId, pc);
        }
        if (parsed.ok() && !StorageCommitment.SOP_CLASS.equals(cmd.string(CommandSet.REQUESTED_SOP_CLASS))) {
            parsed = StorageCommitment.Parsed.refused(Status.SOP_CLASS_NOT_SUPPORTED, "Requested SOP Class UID is not"
                    + " the Storage Commitment Push Model");
        } else if (parsed.ok() && !StorageCommitment.SOP_INSTANCE.equals(
                cmd.string(CommandSet.REQUESTED_SOP_INSTANCE))) {
            parsed = StorageCommitment.Parsed.refused(StorageCommitment.INVALID_OBJECT_INSTANCE, "Requested SOP"
                    + " Instance UID is not the well-known " + StorageCommitment.SOP_INSTANCE);
        } else if (parsed.ok() && cmd.us(CommandSet.ACTION_TYPE_ID) != StorageCommitment.ACTION_REQUEST) {
            parsed = StorageCommitment.Parsed.refused(StorageCommitment.NO_SUCH_ACTION, "Action Type ID is not 1");
        }
        a.sendCommand(pcId, CommandSet.of(CommandSet.N_ACTION_RSP, msgId, false)
                .setString(CommandSet.AFFECTED_SOP_CLASS, StorageCommitment.SOP_CLASS)
                .setString(CommandSet.AFFECTED_SOP_INSTANCE, StorageCommitment.SOP_INSTANCE)
                .setUs(CommandSet.ACTION_TYPE_ID, StorageCommitment.ACTION_REQUEST)
                .setUs(CommandSet.STATUS, parsed.status()).encode());
        if (!parsed.ok()) {
            listener.commitmentRefused(Uids.printable(calling), a.remoteAddress(), parsed.status(),
                    Uids.printable(parsed.problem()));
            return;
        }
        StorageCommitment.Result result = decide(calling, parsed.request(), scp);
        boolean sameAssociation = selectedScpRole(a);
        if (sameAssociation && reportHere(a, pcId, result)) {
            listener.commitmentReported(Uids.printable(calling), result.transactionUid(), result.committed().size(),
                    result.failed().size(), true);
            return;
        }
        new Delivery(a.calledAe().strip(), calling, result, scp, listener, retries).attempt(1);
    }

    private static StorageCommitment.Parsed readRequest(Association a, int pcId, PresentationContext pc) {
        try {
            Attributes ds = DataSets.read(a.dataInput(pcId), TransferSyntax.of(pc.transferSyntax()));
            return StorageCommitment.parseRequest(ds);
        } catch (DicomNetException e) {
            if (!a.isOpen()) {
                throw e;
            }
            // read to its end and refused (too long): the association goes on
            return StorageCommitment.Parsed.refused(StorageCommitment.RESOURCE_LIMITATION, e.getMessage());
        } catch (DicomException e) {
            return StorageCommitment.Parsed.refused(StorageCommitment.INVALID_ARGUMENT_VALUE, "unreadable data set: "
                    + e.getMessage());
        }
    }

    static StorageCommitment.Result decide(String calling, StorageCommitment.Request rq, CommitmentScp scp) {
        List<StorageCommitment.Ref> ok = new ArrayList<>();
        List<StorageCommitment.Failure> failed = new ArrayList<>();
        for (StorageCommitment.Ref ref : rq.refs()) {
            int reason;
            try {
                reason = scp.check().failureReason(calling, ref);
            } catch (RuntimeException e) {
                LOG.warn("commitment check of {} failed: {}", ref.sopInstanceUid(), e.toString());
                reason = StorageCommitment.PROCESSING_FAILURE;
            }
            if (reason == 0) {
                ok.add(ref);
            } else {
                failed.add(new StorageCommitment.Failure(ref, reason));
            }
        }
        return new StorageCommitment.Result(rq.transactionUid(), ok, failed);
    }

    private static boolean selectedScpRole(Association a) {
        for (RoleSelection r : a.acceptance().userInfo().roles()) {
            if (r.sopClass().equals(StorageCommitment.SOP_CLASS) && r.scp()) {
                return true;
            }
        }
        return false;
    }

    /** Sends the report and reads its answer here; false when the requester left first (release or drop). */
    private static boolean reportHere(Association a, int pcId, StorageCommitment.Result result) {
        try {
            int status = sendReport(a, pcId, 1, result);
            if (status < 0) {
                return false;
            }
            if (status != Status.SUCCESS) {
                LOG.info("the requester answered the commitment report {} with {}", result.transactionUid(),
                        Status.hex(status));
            }
            return true;
        } catch (DicomNetException e) {
            LOG.debug("commitment report on the requesting association failed: {}", e.getMessage());
            return false;
        }
    }

    /** N-EVENT-REPORT-RQ and its RSP's status; -1 when the peer released instead of answering. */
    private static int sendReport(Association a, int pcId, int msgId, StorageCommitment.Result result) {
        a.sendCommand(pcId, CommandSet.of(CommandSet.N_EVENT_REPORT_RQ, msgId, true)
                .setString(CommandSet.AFFECTED_SOP_CLASS, StorageCommitment.SOP_CLASS)
                .setString(CommandSet.AFFECTED_SOP_INSTANCE, StorageCommitment.SOP_INSTANCE)
                .setUs(CommandSet.EVENT_TYPE_ID, result.eventType()).encode());
        try (OutputStream o = a.dataOutput(pcId)) {
            o.write(DataSets.encode(StorageCommitment.encode(result),
                    TransferSyntax.of(a.contexts().get(pcId).transferSyntax())));
        } catch (IOException e) {
            throw new DicomNetException(DicomErrorCode.NET_IO, "sending the commitment report failed", e);
        }
        return answerStatus(a, msgId, CommandSet.N_EVENT_REPORT_RSP, "an N-EVENT-REPORT");
    }

    /**
     * The Status of the answer to message {@code msgId}, which must come next as command {@code field} (a data set
     * with it is read away); -1 when the peer released instead. Anything else aborts the association and throws.
     */
    static int answerStatus(Association a, int msgId, int field, String what) {
        Association.Incoming in = a.readCommand();
        if (in == null) {
            a.answerRelease();
            return -1;
        }
        CommandSet c = CommandSet.decode(in.command());
        if (c.commandField() != field || c.us(CommandSet.MESSAGE_ID_RESPONDED) != msgId
                || !c.contains(CommandSet.STATUS)) {
            a.abort();
            throw CommandSet.malformed("unexpected answer to " + what + " (command 0x"
                    + Integer.toHexString(c.commandField()) + ")");
        }
        if (c.hasDataSet()) {
            StoreReceiver.drain(a.dataInput(in.contextId()));
        }
        return c.status();
    }

    /** A report on a new association to the requester, tried again as {@link CommitmentScp.Retry} says. */
    private record Delivery(String ourAe, String calling, StorageCommitment.Result result, CommitmentScp scp,
            NetListener listener, ScheduledExecutorService retries) {

        void attempt(int attempt) {
            String who = Uids.printable(calling);
            Optional<CommitmentScp.Destination> d = scp.destinations().apply(calling);
            if (d.isEmpty()) { // nothing to try again: the node's configuration says nothing of it
                LOG.warn("no address for {} to report commitment {} to", who, result.transactionUid());
                listener.commitmentReportFailed(who, result.transactionUid(), "no address known");
                return;
            }
            String failure;
            try {
                failure = reportOnNewAssociation(ourAe, d.get(), calling, result, scp.options(), listener);
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            if (failure == null) {
                return;
            }
            if (attempt < scp.retry().attempts()) {
                Duration delay = scp.retry().delayBefore(attempt + 1);
                // told before it is scheduled: a short delay must not let attempt n+1 be heard of before n
                LOG.warn("commitment report {} to {} failed (attempt {} of {}): {}; trying again in {}",
                        result.transactionUid(), who, attempt, scp.retry().attempts(), failure, delay);
                listener.commitmentReportDeferred(who, result.transactionUid(), failure, attempt, delay);
                try {
                    retries.schedule(() -> attempt(attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException e) {
                    failure += "; not tried again: the server is closing";
                }
            }
            LOG.warn("commitment report {} to {} not delivered after {} attempt(s): {}", result.transactionUid(),
                    who, attempt, failure);
            listener.commitmentReportFailed(who, result.transactionUid(), attempt == 1 ? failure
                    : failure + " (attempt " + attempt + " of " + scp.retry().attempts() + ")");
        }
    }

    /** Null when delivered (whatever the requester answered), else why not. */
    private static String reportOnNewAssociation(String ourAe, CommitmentScp.Destination d, String calling,
            StorageCommitment.Result result, NetOptions options, NetListener listener) {
        List<String> pc = new ArrayList<>(List.of(StorageCommitment.SOP_CLASS));
        pc.addAll(DimseClient.UNCOMPRESSED);
        try (DimseClient c = new DimseClient(Association.connect(d.host(), d.port(),
                DimseClient.request(ourAe, d.aeTitle(), List.of(pc),
                        List.of(new RoleSelection(StorageCommitment.SOP_CLASS, false, true)), options), options))) {
            PresentationContext ctx = c.association().context(StorageCommitment.SOP_CLASS, List.of());
            if (ctx == null) {
                throw new DicomNetException(DicomErrorCode.NET_NO_PRESENTATION_CONTEXT, d.aeTitle()
                        + " did not accept the Storage Commitment Push Model for the report");
            }
            int status = sendReport(c.association(), ctx.id(), 1, result);
            listener.commitmentReported(Uids.printable(calling), result.transactionUid(), result.committed().size(),
                    result.failed().size(), false);
            if (status != Status.SUCCESS) {
                LOG.info("{} answered the commitment report {} with {}", Uids.printable(calling),
                        result.transactionUid(), Status.hex(status));
            }
            return null;
        } catch (DicomNetException e) {
            return e.getMessage();
        }
    }

    /** Serves an N-EVENT-REPORT-RQ: a report for a request of ours, handed to {@code pending}. */
    static void report(Association a, int pcId, CommandSet cmd, int msgId, PendingCommitments pending) {
        PresentationContext pc = a.contexts().get(pcId);
        int status;
        if (!cmd.hasDataSet()) {
            status = StorageCommitment.INVALID_ARGUMENT_VALUE;
        } else {
            try {
                StorageCommitment.Result r = StorageCommitment.parseResult(DataSets.read(a.dataInput(pcId),
                        TransferSyntax.of(pc.transferSyntax())));
                status = pending.complete(a.callingAe(), r) ? Status.SUCCESS : StorageCommitment.PROCESSING_FAILURE;
                if (status != Status.SUCCESS) {
                    LOG.info("commitment report {} from {} matches no request of ours", r.transactionUid(),
                            Uids.printable(a.callingAe()));
                }
            } catch (DicomNetException e) {
                if (!a.isOpen()) {
                    throw e;
                }
                status = StorageCommitment.INVALID_ARGUMENT_VALUE;
            } catch (DicomException e) {
                status = StorageCommitment.INVALID_ARGUMENT_VALUE;
            }
        }
        a.sendCommand(pcId, CommandSet.of(CommandSet.N_EVENT_REPORT_RSP, msgId, false)
                .setString(CommandSet.AFFECTED_SOP_CLASS, StorageCommitment.SOP_CLASS)
                .setString(CommandSet.AFFECTED_SOP_INSTANCE, StorageCommitment.SOP_INSTANCE)
                .setUs(CommandSet.EVENT_TYPE_ID, Math.max(cmd.us(CommandSet.EVENT_TYPE_ID), 0))
                .setUs(CommandSet.STATUS, status).encode());
    }
}
