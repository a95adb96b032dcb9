package org.iep.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.net.Association;
import org.iep.dicom.net.pdu.PresentationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCU side of a storage commitment: sends the N-ACTION, then waits for the N-EVENT-REPORT on this association
 * (read when bytes arrive on it, over TLS too) or through {@link PendingCommitments} (a report on a new association
 * to our SCP), whichever comes first. The result is reconciled with what was asked: only requested instances count,
 * and a requested instance the report does not mention is failed.
 */
final class CommitmentRequester {
    private static final Logger LOG = LoggerFactory.getLogger(CommitmentRequester.class);
    /** How often the requesting association is looked at while waiting. */
    private static final Duration POLL = Duration.ofMillis(25);

    private final Association association;
    private final PresentationContext pc;

    private CommitmentRequester(Association association, PresentationContext pc) {
        this.association = association;
        this.pc = pc;
    }

    static StorageCommitment.Result request(Association association, int messageId, StorageCommitment.Request rq,
            PendingCommitments pending, Duration timeout) {
        PresentationContext pc = association.context(StorageCommitment.SOP_CLASS, List.of());
        if (pc == null) {
            throw new DicomNetException(DicomErrorCode.NET_NO_PRESENTATION_CONTEXT, "the peer did not accept the"
                    + " Storage Commitment Push Model SOP Class");
        }
        return new CommitmentRequester(association, pc).run(messageId, rq, pending, timeout);
    }

    private StorageCommitment.Result run(int id, StorageCommitment.Request rq, PendingCommitments pending,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PendingCommitments.Pending p = pending.register(rq.transactionUid(), association.calledAe())) {
            association.sendCommand(pc.id(), CommandSet.of(CommandSet.N_ACTION_RQ, id, true)
                    .setString(CommandSet.REQUESTED_SOP_CLASS, StorageCommitment.SOP_CLASS)
                    .setString(CommandSet.REQUESTED_SOP_INSTANCE, StorageCommitment.SOP_INSTANCE)
                    .setUs(CommandSet.ACTION_TYPE_ID, StorageCommitment.ACTION_REQUEST).encode());
            try (OutputStream o = association.dataOutput(pc.id())) {
                o.write(DataSets.encode(StorageCommitment.encode(rq), TransferSyntax.of(pc.transferSyntax())));
            } catch (IOException e) {
                throw new DicomNetException(DicomErrorCode.NET_IO, "sending the N-ACTION data set failed", e);
            }
            int status = actionResponse(id);
            if (status != Status.SUCCESS) {
                throw new DicomNetException(DicomErrorCode.NET_DIMSE_FAILED, "the peer refused the storage"
                        + " commitment request with status " + Status.hex(status));
            }
            while (true) {
                boolean open = association.isOpen();
                if (open) {
                    readWaiting(p); // waits up to POLL for the report here
                }
                long left = deadline - System.nanoTime();
                StorageCommitment.Result r = p.poll(open ? Duration.ZERO : Duration.ofNanos(Math.max(left, 0)));
                if (r != null) {
                    return reconcile(rq, r);
                }
                if (deadline - System.nanoTime() <= 0) {
                    throw p.timeout(timeout);
                }
            }
        }
    }

    private int actionResponse(int id) {
        int status = CommitmentService.answerStatus(association, id, CommandSet.N_ACTION_RSP, "an N-ACTION");
        if (status < 0) {
            throw new DicomNetException(DicomErrorCode.NET_ABORTED, "the peer released instead of answering the"
                    + " N-ACTION");
        }
        return status;
    }

    /** Takes an N-EVENT-REPORT waiting on the association; anything else there ends the association. */
    private void readWaiting(PendingCommitments.Pending p) {
        try {
            if (!association.awaitInput(POLL)) { // reads ahead: sees a TLS record too
                return;
            }
            Association.Incoming in = association.readCommand();
            if (in == null) {
                association.answerRelease(); // the report can still come on a new association
                return;
            }
            CommandSet c = CommandSet.decode(in.command());
            int msgId = c.us(CommandSet.MESSAGE_ID);
            if (c.commandField() != CommandSet.N_EVENT_REPORT_RQ || in.contextId() != pc.id() || msgId < 0
                    || !c.hasDataSet()) {
                association.abort();
                LOG.info("unexpected command 0x{} while waiting for a commitment report; association aborted",
                        Integer.toHexString(c.commandField()));
                return;
            }
            int status;
            try {
                StorageCommitment.Result r = StorageCommitment.parseResult(DataSets.read(
                        association.dataInput(pc.id()), TransferSyntax.of(pc.transferSyntax())));
                status = r.transactionUid().equals(p.transactionUid()) ? Status.SUCCESS
                        : StorageCommitment.PROCESSING_FAILURE;
                if (status == Status.SUCCESS) {
                    p.complete(r);
                }
            } catch (DicomNetException e) {
                if (!association.isOpen()) {
                    throw e;
                }
                status = StorageCommitment.PROCESSING_FAILURE;
            }
            association.sendCommand(pc.id(), CommandSet.of(CommandSet.N_EVENT_REPORT_RSP, msgId, false)
                    .setString(CommandSet.AFFECTED_SOP_CLASS, StorageCommitment.SOP_CLASS)
                    .setString(CommandSet.AFFECTED_SOP_INSTANCE, StorageCommitment.SOP_INSTANCE)
                    .setUs(CommandSet.EVENT_TYPE_ID, Math.max(c.us(CommandSet.EVENT_TYPE_ID), 0))
                    .setUs(CommandSet.STATUS, status).encode());
        } catch (DicomNetException e) {
            // the association is gone (aborted, dropped); a report on a new association still counts
            LOG.debug("commitment association ended while waiting: {}", e.getMessage());
        }
    }

    /** Only instances we asked about count; one we asked about and the report does not name is failed. */
    static StorageCommitment.Result reconcile(StorageCommitment.Request rq, StorageCommitment.Result r) {
        Map<String, StorageCommitment.Ref> asked = new HashMap<>();
        rq.refs().forEach(ref -> asked.put(ref.sopInstanceUid(), ref));
        Map<String, StorageCommitment.Failure> failed = new HashMap<>();
        for (StorageCommitment.Failure f : r.failed()) {
            StorageCommitment.Ref ref = asked.get(f.ref().sopInstanceUid());
            if (ref != null) {
                failed.putIfAbsent(ref.sopInstanceUid(), new StorageCommitment.Failure(ref, f.reason()));
            }
        }
        Map<String, StorageCommitment.Ref> committed = new HashMap<>();
        for (StorageCommitment.Ref c : r.committed()) {
            StorageCommitment.Ref ref = asked.get(c.sopInstanceUid());
            if (ref != null && ref.equals(c) && !failed.containsKey(ref.sopInstanceUid())) {
                committed.put(ref.sopInstanceUid(), ref);
            }
        }
        List<StorageCommitment.Ref> ok = new ArrayList<>();
        List<StorageCommitment.Failure> bad = new ArrayList<>();
        for (StorageCommitment.Ref ref : rq.refs()) {
            if (committed.containsKey(ref.sopInstanceUid())) {
                ok.add(ref);
            } else {
                bad.add(failed.getOrDefault(ref.sopInstanceUid(), new StorageCommitment.Failure(ref,
                        StorageCommitment.PROCESSING_FAILURE)));
            }
        }
        return new StorageCommitment.Result(rq.transactionUid(), ok, bad);
    }
}
