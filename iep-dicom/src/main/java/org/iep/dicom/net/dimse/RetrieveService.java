package org.iep.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomException;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.net.Association;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.pdu.PresentationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C-MOVE and C-GET SCP (PS3.4 C.4.2, C.4.3): asks the handler for the files, sends each as a C-STORE
 * sub-operation (to the move destination on a new association, or back on the requesting association for C-GET),
 * answers a pending response with remaining/completed/failed/warning counts after each one, and honours C-CANCEL
 * between sub-operations. The final response carries the Failed SOP Instance UID List when something failed.
 */
final class RetrieveService {
    private static final Logger LOG = LoggerFactory.getLogger(RetrieveService.class);
    static final int FAILED_SOP_INSTANCE_UID_LIST = 0x00080058;
    /** Refused: out of resources, unable to calculate the number of matches. */
    static final int UNABLE_TO_CALCULATE = 0xA701;
    /** Refused: out of resources, unable to perform sub-operations. */
    static final int UNABLE_TO_PERFORM = 0xA702;

    private final Association a;
    private final int pcId;
    private final PresentationContext pc;
    private final int msgId;
    private final int rspField;
    private int completed;
    private int failed;
    private int warning;
    private final List<String> failedUids = new ArrayList<>();

    private RetrieveService(Association a, int pcId, int msgId, boolean move) {
        this.a = a;
        this.pcId = pcId;
        this.pc = a.contexts().get(pcId);
        this.msgId = msgId;
        this.rspField = move ? CommandSet.C_MOVE_RSP : CommandSet.C_GET_RSP;
    }

    /** Serves one C-MOVE-RQ (handler is a {@link MoveHandler}) or C-GET-RQ. */
    static void serve(Association a, int pcId, CommandSet cmd, int msgId, GetHandler handler, boolean move,
            NetOptions options) {
        new RetrieveService(a, pcId, msgId, move).run(cmd, handler, move, options);
    }

    private void run(CommandSet cmd, GetHandler handler, boolean move, NetOptions options) {
        if (!cmd.hasDataSet()) {
            a.abort();
            throw CommandSet.malformed((move ? "C-MOVE" : "C-GET") + "-RQ without an identifier");
        }
        TransferSyntax ts = TransferSyntax.of(pc.transferSyntax());
        Attributes keys;
        try {
            keys = DataSets.read(a.dataInput(pcId), ts);
        } catch (DicomNetException e) {
            throw e;
        } catch (DicomException e) {
            finish(Status.CANNOT_UNDERSTAND, false);
            return;
        }
        MoveHandler.Destination destination = null;
        String destinationAe = cmd.string(CommandSet.MOVE_DESTINATION);
        if (move) {
            destination = destinationAe == null ? null : ((MoveHandler) handler).destination(destinationAe);
            if (destination == null) {
                LOG.info("C-MOVE from {} to unknown destination '{}'", a.remoteAddress(),
                        Uids.printable(destinationAe));
                finish(Status.MOVE_DESTINATION_UNKNOWN, false);
                return;
            }
        }
        List<Path> files;
        try {
            files = handler.instances(pc.abstractSyntax(), keys);
        } catch (IOException | RuntimeException e) {
            LOG.warn("retrieve handler failed: {}", e.toString());
            finish(UNABLE_TO_CALCULATE, false);
            return;
        }
        List<DimseClient.Prepared> prepared = new ArrayList<>();
        for (Path f : files) {
            try {
                prepared.add(DimseClient.prepare(f));
            } catch (DicomException e) {
                LOG.warn("cannot send {}: {}", f.getFileName(), e.getMessage());
                failed++;
            }
        }
        if (prepared.isEmpty()) {
            finish(failed == 0 ? Status.SUCCESS : UNABLE_TO_PERFORM, false);
            return;
        }
        if (move) {
            moveTo(destination, destinationAe, cmd, prepared, options);
        } else {
            getBack(prepared);
        }
    }

    private void moveTo(MoveHandler.Destination d, String destinationAe, CommandSet cmd,
            List<DimseClient.Prepared> files, NetOptions options) {
        Set<List<String>> contexts = new LinkedHashSet<>();
        for (DimseClient.Prepared p : files) {
            contexts.add(List.of(p.sopClass(), p.transferSyntax().uid()));
        }
        if (contexts.size() > 128) {
            failed += files.size();
            finish(UNABLE_TO_PERFORM, false);
            return;
        }
        DimseClient sub;
        try {
            sub = DimseClient.connect(d.host(), d.port(), a.calledAe(), destinationAe, new ArrayList<>(contexts),
                    options);
        } catch (DicomException e) {
            LOG.warn("C-MOVE destination {} unreachable: {}", Uids.printable(destinationAe), e.getMessage());
            failed += files.size();
            files.forEach(p -> failedUids.add(p.sopInstance()));
            finish(UNABLE_TO_PERFORM, false);
            return;
        }
        try (sub) {
            for (int i = 0; i < files.size(); i++) {
                if (cancelRequested()) {
                    cancelled(files.size() - i);
                    return;
                }
                DimseClient.Prepared p = files.get(i);
                try {
                    count(p, sub.store(p, a.callingAe(), msgId));
                } catch (DicomException e) {
                    if (!sub.association().isOpen()) {
                        throw new DicomNetException(DicomErrorCode.NET_ABORTED, "the move destination dropped: "
                                + e.getMessage(), e);
                    }
                    count(p, UNABLE_TO_PERFORM); // no accepted context for it
                }
                pending(files.size() - i - 1);
            }
        }
        finish(finalStatus(), true);
    }

    private void getBack(List<DimseClient.Prepared> files) {
        int subId = 1;
        for (int i = 0; i < files.size(); i++) {
            if (cancelRequested()) {
                cancelled(files.size() - i);
                return;
            }
            DimseClient.Prepared p = files.get(i);
            PresentationContext sc = a.context(p.sopClass(), List.of(p.transferSyntax().uid()));
            if (sc == null) {
                count(p, UNABLE_TO_PERFORM); // the requester did not accept this class in this syntax
            } else {
                int id = subId++;
                DimseClient.sendStore(a, sc.id(), p, id, null, -1);
                count(p, storeResponse(sc.id(), id));
            }
            pending(files.size() - i - 1);
        }
        finish(finalStatus(), true);
    }

    /** Reads the sub-operation's C-STORE-RSP; a C-CANCEL arriving first is remembered. */
    private int storeResponse(int scId, int id) {
        while (true) {
            Association.Incoming in = a.readCommand();
            if (in == null) {
                throw new DicomNetException(DicomErrorCode.NET_PDU_UNEXPECTED, "release requested during a C-GET");
            }
            CommandSet c = CommandSet.decode(in.command());
            if (c.commandField() == CommandSet.C_CANCEL_RQ) {
                cancelSeen |= c.us(CommandSet.MESSAGE_ID_RESPONDED) == msgId;
                continue;
            }
            if (c.commandField() != CommandSet.C_STORE_RSP || c.us(CommandSet.MESSAGE_ID_RESPONDED) != id
                    || in.contextId() != scId || c.hasDataSet()) {
                a.abort();
                throw CommandSet.malformed("expected the C-STORE-RSP of a C-GET sub-operation");
            }
            return c.status();
        }
    }

    private boolean cancelSeen;

    private boolean cancelRequested() {
        if (!cancelSeen && a.inputPending()) {
            Association.Incoming in = a.readCommand();
            if (in == null) {
                throw new DicomNetException(DicomErrorCode.NET_PDU_UNEXPECTED, "release requested during a retrieve");
            }
            CommandSet c = CommandSet.decode(in.command());
            if (c.commandField() != CommandSet.C_CANCEL_RQ) {
                a.abort();
                throw CommandSet.malformed("a second request while one is in progress (no asynchronous operations)");
            }
            cancelSeen = c.us(CommandSet.MESSAGE_ID_RESPONDED) == msgId;
        }
        return cancelSeen;
    }

    private void count(DimseClient.Prepared p, int status) {
        if (status == Status.SUCCESS) {
            completed++;
        } else if (Status.isSuccessOrWarning(status)) {
            warning++;
        } else {
            failed++;
            failedUids.add(p.sopInstance());
        }
    }

    private int finalStatus() {
        if (failed == 0 && warning == 0) {
            return Status.SUCCESS;
        }
        return completed + warning > 0 ? Status.SUBOPERATIONS_WARNING : UNABLE_TO_PERFORM;
    }

    private void pending(int remaining) {
        if (remaining > 0) {
            a.sendCommand(pcId, counters(CommandSet.of(rspField, msgId, false), Status.PENDING)
                    .setUs(CommandSet.REMAINING, remaining).encode());
        }
    }

    private void cancelled(int remaining) {
        a.sendCommand(pcId, counters(CommandSet.of(rspField, msgId, false), Status.CANCEL)
                .setUs(CommandSet.REMAINING, remaining).encode());
    }

    private CommandSet counters(CommandSet c, int status) {
        return c.setString(CommandSet.AFFECTED_SOP_CLASS, pc.abstractSyntax()).setUs(CommandSet.STATUS, status)
                .setUs(CommandSet.COMPLETED, completed).setUs(CommandSet.FAILED, failed)
                .setUs(CommandSet.WARNING, warning);
    }

    private void finish(int status, boolean withCounters) {
        boolean list = !failedUids.isEmpty();
        CommandSet c = CommandSet.of(rspField, msgId, list);
        if (withCounters || failed > 0) {
            counters(c, status);
        } else {
            c.setString(CommandSet.AFFECTED_SOP_CLASS, pc.abstractSyntax()).setUs(CommandSet.STATUS, status);
        }
        a.sendCommand(pcId, c.encode());
        if (list) {
            Attributes ids = new Attributes();
            ids.setString(FAILED_SOP_INSTANCE_UID_LIST, VR.UI, failedUids.toArray(String[]::new));
            try (OutputStream o = a.dataOutput(pcId)) {
                o.write(DataSets.encode(ids, TransferSyntax.of(pc.transferSyntax())));
            } catch (IOException e) {
                throw new DicomNetException(DicomErrorCode.NET_IO, "sending the failed instance list failed", e);
            }
        }
    }
}
