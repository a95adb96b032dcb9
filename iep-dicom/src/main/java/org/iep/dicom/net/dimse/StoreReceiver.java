package org.iep.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.net.Association;
import org.iep.dicom.net.pdu.PresentationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one C-STORE-RQ data set into a {@link StoreHandler} sink and answers it; shared by the storage SCP
 * and the C-GET SCU (whose sub-operations arrive as C-STORE-RQs on its own association). UIDs are checked before
 * the sink is opened: an invalid one is refused with a failure status and never reaches a file name.
 */
final class StoreReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(StoreReceiver.class);

    private StoreReceiver() {
    }

    static void receive(Association a, int pcId, CommandSet cmd, int msgId, StoreHandler store,
            NetListener listener) {
        PresentationContext pc = a.contexts().get(pcId);
        String sopClass = cmd.string(CommandSet.AFFECTED_SOP_CLASS);
        String sopInstance = cmd.string(CommandSet.AFFECTED_SOP_INSTANCE);
        if (!cmd.hasDataSet()) {
            a.abort();
            throw CommandSet.malformed("C-STORE-RQ without a data set");
        }
        InputStream data = a.dataInput(pcId);
        String refusal = null;
        int status = Status.CANNOT_UNDERSTAND;
        if (!Uids.isValid(sopClass) || !Uids.isValid(sopInstance)) {
            refusal = "invalid SOP Class or Instance UID '" + Uids.printable(sopInstance) + "'";
        } else if (!sopClass.equals(pc.abstractSyntax()) || store == null) {
            refusal = "SOP class does not match the presentation context";
            status = Status.DATA_SET_DOES_NOT_MATCH;
        }
        String remote = a.remoteAddress();
        if (refusal != null) {
            drain(data);
            listener.refused(Uids.printable(a.callingAe()), remote, status, refusal);
            LOG.info("C-STORE from {} refused: {}", remote, refusal);
            respond(a, pcId, msgId, sopClass, sopInstance, status, refusal);
            return;
        }
        StoreRequest rq = new StoreRequest(a.callingAe(), a.calledAe(), remote, sopClass, sopInstance,
                TransferSyntax.of(pc.transferSyntax()), msgId);
        StoreHandler.Sink sink;
        try {
            sink = store.open(rq);
        } catch (IOException | RuntimeException e) {
            drain(data);
            respond(a, pcId, msgId, sopClass, sopInstance, Status.OUT_OF_RESOURCES, "cannot store");
            LOG.warn("storage sink refused an instance: {}", e.toString());
            return;
        }
        boolean done = false;
        try {
            sink.receive(data);
            drain(data);
            status = sink.commit();
            done = true;
        } catch (DicomNetException e) {
            throw e; // the association is gone: the finally discards
        } catch (IOException | RuntimeException e) {
            LOG.warn("storing an instance failed: {}", e.toString());
            drain(data);
            status = Status.OUT_OF_RESOURCES;
        } finally {
            if (!done) {
                sink.discard();
            }
        }
        if (Status.isSuccessOrWarning(status)) {
            listener.stored(Uids.printable(a.callingAe()), remote, sopClass);
        }
        respond(a, pcId, msgId, sopClass, sopInstance, status, null);
    }

    private static void respond(Association a, int pcId, int msgId, String sopClass, String sopInstance,
            int status, String comment) {
        CommandSet rsp = CommandSet.of(CommandSet.C_STORE_RSP, msgId, false).setUs(CommandSet.STATUS, status);
        if (Uids.isValid(sopClass)) {
            rsp.setString(CommandSet.AFFECTED_SOP_CLASS, sopClass);
        }
        if (Uids.isValid(sopInstance)) {
            rsp.setString(CommandSet.AFFECTED_SOP_INSTANCE, sopInstance);
        }
        if (comment != null) {
            rsp.setString(CommandSet.ERROR_COMMENT, comment.length() > 64 ? comment.substring(0, 64) : comment);
        }
        a.sendCommand(pcId, rsp.encode());
    }

    static void drain(InputStream in) {
        try {
            in.transferTo(DataSets.OutputStreamNull.INSTANCE);
        } catch (IOException e) {
            throw new DicomNetException(DicomErrorCode.NET_IO, "reading a data set failed", e);
        }
    }
}
