package org.iep.dicom.net.dimse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.net.Association;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.pdu.Pdu;
import org.iep.dicom.net.pdu.PresentationContext;
import org.iep.dicom.net.pdu.RoleSelection;
import org.iep.dicom.net.pdu.UserInformation;

/**
 * DIMSE-C service user operations on an {@link Association}: C-ECHO, C-STORE of Part 10 files (the data set
 * bytes after the file meta are streamed as they are, never loaded whole), C-FIND, C-MOVE and C-GET (its C-STORE
 * sub-operations streamed to a {@link StoreHandler}), each with C-CANCEL.
 * One operation at a time. Failure statuses are returned, not thrown; protocol problems throw
 * {@link DicomNetException}.
 */
public final class DimseClient implements AutoCloseable {
    public static final List<String> UNCOMPRESSED = List.of(UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian);
    public static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    public static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    /** (0008,0058) Failed SOP Instance UID List, in the identifier of a final C-MOVE / C-GET response. */
    static final int FAILED_SOP_INSTANCES = 0x00080058;
    public static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
    public static final String PATIENT_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.1.2";
    public static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    public static final String PATIENT_ROOT_GET = "1.2.840.10008.5.1.4.1.2.1.3";

    private final Association association;
    private int nextMessageId = 1;

    public DimseClient(Association association) {
        this.association = association;
    }

    /** Builds an A-ASSOCIATE-RQ proposing each abstract syntax with its transfer syntaxes (odd IDs from 1). */
    public static Pdu.AssociateRq request(String callingAe, String calledAe, List<List<String>> contexts,
            NetOptions options) {
        return request(callingAe, calledAe, contexts, List.of(), options);
    }

    /**
     * As {@link #request(String, String, List, NetOptions)} with SCP/SCU role selection items, e.g. the SCP role
     * for storage SOP classes whose instances a C-GET will bring back on this association.
     */
    public static Pdu.AssociateRq request(String callingAe, String calledAe, List<List<String>> contexts,
            List<RoleSelection> roles, NetOptions options) {
        List<PresentationContext> pcs = new ArrayList<>();
        int id = 1;
        for (List<String> c : contexts) {
            if (id > 255) {
                throw new IllegalArgumentException("more than 128 presentation contexts");
            }
            pcs.add(PresentationContext.proposed(id, c.get(0), c.subList(1, c.size())));
            id += 2;
        }
        return new Pdu.AssociateRq(calledAe, callingAe, Pdu.APPLICATION_CONTEXT, pcs,
                new UserInformation(options.maxPduReceive(), UIDs.IEPImplementationClassUID,
                        UIDs.IEPImplementationVersionName, -1, -1, roles, null, null));
    }

    /** Connects proposing the given contexts (each list: abstract syntax then transfer syntaxes). */
    public static DimseClient connect(String host, int port, String callingAe, String calledAe,
            List<List<String>> contexts, NetOptions options) {
        return new DimseClient(Association.connect(host, port, request(callingAe, calledAe, contexts, options), options));
    }

    /**
     * Connects for C-GET: the query/retrieve contexts plus one context per storage SOP class (each proposing the
     * given transfer syntaxes) with the SCP role selected, so the peer can send the instances back.
     */
    public static DimseClient connectForGet(String host, int port, String callingAe, String calledAe,
            List<String> retrieveClasses, List<String> storageClasses, List<String> storageSyntaxes,
            NetOptions options) {
        List<List<String>> storage = new ArrayList<>();
        for (String c : storageClasses) {
            List<String> pc = new ArrayList<>(List.of(c));
            pc.addAll(storageSyntaxes);
            storage.add(pc);
        }
        return connectForGet(host, port, callingAe, calledAe, retrieveClasses, storage, options);
    }

    /**
     * Connects for C-GET with the storage contexts given one by one (each: SOP class, then transfer syntaxes), so a
     * class may have several, e.g. one uncompressed and one per compressed syntax: the peer then finds a context for
     * an instance in the syntax it holds it in. The SCP role is proposed once per class.
     */
    public static DimseClient connectForGet(String host, int port, String callingAe, String calledAe,
            List<String> retrieveClasses, List<List<String>> storageContexts, NetOptions options) {
        List<List<String>> contexts = new ArrayList<>();
        List<RoleSelection> roles = new ArrayList<>();
        for (String c : retrieveClasses) {
            List<String> pc = new ArrayList<>(List.of(c));
            pc.addAll(UNCOMPRESSED);
            contexts.add(pc);
        }
        java.util.Set<String> classes = new java.util.LinkedHashSet<>();
        for (List<String> pc : storageContexts) {
            contexts.add(List.copyOf(pc));
            classes.add(pc.get(0));
        }
        classes.forEach(c -> roles.add(new RoleSelection(c, false, true)));
        return new DimseClient(Association.connect(host, port, request(callingAe, calledAe, contexts, roles,
                options), options));
    }

    public Association association() {
        return association;
    }

    /**
     * Connects for storage commitment: the Push Model context in the uncompressed syntaxes, with SCU and SCP role
     * selection proposed so the peer may send its N-EVENT-REPORT back on this association.
     */
    public static DimseClient connectForCommitment(String host, int port, String callingAe, String calledAe,
            NetOptions options) {
        List<String> pc = new ArrayList<>(List.of(StorageCommitment.SOP_CLASS));
        pc.addAll(UNCOMPRESSED);
        return new DimseClient(Association.connect(host, port, request(callingAe, calledAe, List.of(pc),
                List.of(new RoleSelection(StorageCommitment.SOP_CLASS, true, true)), options), options));
    }

    /**
     * Storage commitment request (N-ACTION) and its report (N-EVENT-REPORT), which may come back on this
     * association or on a new one to the SCP that completes {@code pending}. The result names exactly the
     * requested instances, each committed or failed (one the report leaves out is failed, 0x0110). A refused
     * N-ACTION throws NET_DIMSE_FAILED; no report within {@code timeout} throws NET_TIMEOUT.
     */
    public StorageCommitment.Result commit(StorageCommitment.Request request, PendingCommitments pending,
            java.time.Duration timeout) {
        return CommitmentRequester.request(association, nextMessageId++, request, pending, timeout);
    }

    /** C-ECHO; returns the status. */
    public int echo() {
        PresentationContext pc = require(UIDs.Verification, List.of());
        int id = nextMessageId++;
        association.sendCommand(pc.id(), CommandSet.of(CommandSet.C_ECHO_RQ, id, false)
                .setString(CommandSet.AFFECTED_SOP_CLASS, UIDs.Verification).encode());
        return response(id, CommandSet.C_ECHO_RSP, pc.id()).status();
    }

    /** A file ready to send: what {@link #store(Prepared)} needs, read up to the pixel data only. */
    public record Prepared(Path file, String sopClass, String sopInstance, TransferSyntax transferSyntax,
            long dataSetOffset) {
    }

    /**
     * Reads a Part 10 file's meta: SOP class and instance, transfer syntax, and where the data set starts.
     * Files without a file meta group are refused (their transfer syntax would be a guess).
     */
    public static Prepared prepare(Path file) {
        DicomFile f;
        try (DicomReader r = DicomReader.open(file)) {
            f = r.readUntilPixelData();
        }
        Attributes meta = f.fileMeta();
        String sopClass = meta == null ? null : meta.getString(Tags.MediaStorageSOPClassUID);
        String sopInstance = meta == null ? null : meta.getString(Tags.MediaStorageSOPInstanceUID);
        if (sopClass == null || sopInstance == null || meta.getString(Tags.TransferSyntaxUID) == null) {
            throw new DicomNetException(DicomErrorCode.NET_DIMSE_FAILED, file.getFileName()
                    + " has no complete file meta information (SOP class, instance, transfer syntax)");
        }
        return new Prepared(file, sopClass, sopInstance, f.transferSyntax(), dataSetOffset(file));
    }

    /** Offset after the file meta group, from (0002,0000) group length: preamble 128 + "DICM" 4 + 12 + length. */
    private static long dataSetOffset(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(144);
            if (h.length < 144 || h[128] != 'D' || h[129] != 'I' || h[130] != 'C' || h[131] != 'M'
                    || h[132] != 2 || h[133] != 0 || h[134] != 0 || h[135] != 0 || h[136] != 'U' || h[137] != 'L') {
                throw new DicomNetException(DicomErrorCode.NET_DIMSE_FAILED, file.getFileName()
                        + " does not start with a preamble, DICM and a meta group length");
            }
            long len = (h[140] & 0xFFL) | ((h[141] & 0xFFL) << 8) | ((h[142] & 0xFFL) << 16) | ((h[143] & 0xFFL) << 24);
            return 144 + len;
        } catch (IOException e) {
            throw new DicomNetException(DicomErrorCode.NET_IO, "cannot read " + file.getFileName(), e);
        }
    }

    /** C-STORE of a prepared file in its own transfer syntax; returns the status. */
    public int store(Prepared p) {
        return store(p, null, -1);
    }

    /**
     * C-STORE as a C-MOVE sub-operation: with the Move Originator AE title and message ID (omitted when null / -1).
     */
    public int store(Prepared p, String moveOriginatorAe, int moveOriginatorId) {
        PresentationContext pc = require(p.sopClass(), List.of(p.transferSyntax().uid()));
        int id = nextMessageId++;
        sendStore(association, pc.id(), p, id, moveOriginatorAe, moveOriginatorId);
        return response(id, CommandSet.C_STORE_RSP, pc.id()).status();
    }

    /** Sends a C-STORE-RQ and the file's data set bytes as they are on disk (padded to even length). */
    static void sendStore(Association association, int pcId, Prepared p, int id, String originatorAe,
            int originatorId) {
        CommandSet rq = CommandSet.of(CommandSet.C_STORE_RQ, id, true)
                .setString(CommandSet.AFFECTED_SOP_CLASS, p.sopClass()).setUs(CommandSet.PRIORITY, 0)
                .setString(CommandSet.AFFECTED_SOP_INSTANCE, p.sopInstance());
        if (originatorAe != null) {
            rq.setString(CommandSet.MOVE_ORIGINATOR_AE, originatorAe).setUs(CommandSet.MOVE_ORIGINATOR_ID,
                    originatorId);
        }
        association.sendCommand(pcId, rq.encode());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p.file()), 65536);
                OutputStream out = association.dataOutput(pcId)) {
            in.skipNBytes(p.dataSetOffset());
            long sent = in.transferTo(out);
            if ((sent & 1) == 1) {
                // a deflated data set may end on an odd byte in a file; on the wire PS3.5 A.5 pads it to even
                out.write(0);
            }
        } catch (IOException e) {
            association.abort();
            throw new DicomNetException(DicomErrorCode.NET_IO, "sending " + p.file().getFileName() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * C-FIND: each match goes to {@code onMatch}; when it returns false a C-CANCEL is sent and the remaining
     * pending responses are drained. Returns the final status.
     */
    public int find(String sopClass, Attributes keys, Predicate<Attributes> onMatch) {
        PresentationContext pc = require(sopClass, List.of());
        TransferSyntax ts = TransferSyntax.of(pc.transferSyntax());
        int id = nextMessageId++;
        association.sendCommand(pc.id(), CommandSet.of(CommandSet.C_FIND_RQ, id, true)
                .setString(CommandSet.AFFECTED_SOP_CLASS, sopClass).setUs(CommandSet.PRIORITY, 0).encode());
        sendDataSet(pc.id(), keys, ts);
        boolean cancelled = false;
        while (true) {
            CommandSet rsp = response(id, CommandSet.C_FIND_RSP, pc.id(), true);
            Attributes match = rsp.hasDataSet() ? DataSets.read(association.dataInput(pc.id()), ts) : null;
            if (!Status.isPending(rsp.status())) {
                return rsp.status();
            }
            if (match != null && !cancelled && !onMatch.test(match)) {
                cancelled = true;
                association.sendCommand(pc.id(), CommandSet.of(CommandSet.C_CANCEL_RQ, id, false).encode());
            }
        }
    }

    /**
     * Final C-MOVE / C-GET result with its sub-operation counters (-1 when absent) and the Failed SOP Instance UID
     * List (0008,0058) of the final response, as the peer sent it (empty when it sent none).
     */
    public record RetrieveResult(int status, int completed, int failed, int warning, List<String> failedInstances) {
        /** The peer's most-failed-UIDs one response reports, so a hostile peer cannot make us keep more. */
        static final int MAX_FAILED_LISTED = 10_000;

        public RetrieveResult {
            failedInstances = List.copyOf(failedInstances);
        }

        public RetrieveResult(int status, int completed, int failed, int warning) {
            this(status, completed, failed, warning, List.of());
        }
    }

    /** A pending C-MOVE / C-GET response: sub-operation counters (-1 when the peer left one out). */
    public record Progress(int status, int remaining, int completed, int failed, int warning) {
    }

    /** C-MOVE to a destination AE title; pending responses are passed to {@code progress}. */
    public RetrieveResult move(String sopClass, String destination, Attributes keys,
            java.util.function.Consumer<RetrieveResult> progress) {
        return moveCancellable(sopClass, destination, keys, p -> {
            progress.accept(new RetrieveResult(p.status(), p.completed(), p.failed(), p.warning()));
            return true;
        });
    }

    /**
     * C-MOVE to a destination AE title; each pending response goes to {@code keepGoing}, and when it returns
     * false a C-CANCEL is sent (the peer then ends with status Cancel, FE00, or completes first).
     */
    public RetrieveResult moveCancellable(String sopClass, String destination, Attributes keys,
            Predicate<Progress> keepGoing) {
        PresentationContext pc = require(sopClass, List.of());
        int id = nextMessageId++;
        association.sendCommand(pc.id(), CommandSet.of(CommandSet.C_MOVE_RQ, id, true)
                .setString(CommandSet.AFFECTED_SOP_CLASS, sopClass).setUs(CommandSet.PRIORITY, 0)
                .setString(CommandSet.MOVE_DESTINATION, destination).encode());
        sendDataSet(pc.id(), keys, TransferSyntax.of(pc.transferSyntax()));
        return retrieveResponses(pc, id, CommandSet.C_MOVE_RSP, null, keepGoing, NetListener.NONE);
    }

    /**
     * C-GET: the peer sends the matching instances back on this association as C-STORE sub-operations, each
     * streamed into {@code sink} (the association must have been made with {@link #connectForGet}). Pending
     * responses go to {@code keepGoing}; false sends a C-CANCEL. Returns the final status and counters.
     */
    public RetrieveResult get(String sopClass, Attributes keys, StoreHandler sink, Predicate<Progress> keepGoing) {
        return get(sopClass, keys, sink, keepGoing, NetListener.NONE);
    }

    /**
     * As {@link #get(String, Attributes, StoreHandler, Predicate)}, telling {@code listener} of every sub-operation
     * refused before it reached {@code sink} (an invalid UID, a SOP class that does not match its context), so the
     * caller can audit each by its (printable) UID.
     */
    public RetrieveResult get(String sopClass, Attributes keys, StoreHandler sink, Predicate<Progress> keepGoing,
                              NetListener listener) {
        PresentationContext pc = require(sopClass, List.of());
        int id = nextMessageId++;
        association.sendCommand(pc.id(), CommandSet.of(CommandSet.C_GET_RQ, id, true)
                .setString(CommandSet.AFFECTED_SOP_CLASS, sopClass).setUs(CommandSet.PRIORITY, 0).encode());
        sendDataSet(pc.id(), keys, TransferSyntax.of(pc.transferSyntax()));
        return retrieveResponses(pc, id, CommandSet.C_GET_RSP, sink, keepGoing, listener);
    }

    private RetrieveResult retrieveResponses(PresentationContext pc, int id, int field, StoreHandler sink,
            Predicate<Progress> keepGoing, NetListener listener) {
        TransferSyntax ts = TransferSyntax.of(pc.transferSyntax());
        boolean cancelled = false;
        while (true) {
            Association.Incoming in = association.readCommand();
            if (in == null) {
                association.answerRelease();
                throw new DicomNetException(DicomErrorCode.NET_ABORTED, "the peer released during a retrieve");
            }
            CommandSet c = CommandSet.decode(in.command());
            if (sink != null && c.commandField() == CommandSet.C_STORE_RQ) {
                int subId = c.us(CommandSet.MESSAGE_ID);
                if (subId < 0) {
                    association.abort();
                    throw CommandSet.malformed("C-STORE-RQ without Message ID (0000,0110)");
                }
                StoreReceiver.receive(association, in.contextId(), c, subId, sink, listener);
                continue;
            }
            if (c.commandField() != field || c.us(CommandSet.MESSAGE_ID_RESPONDED) != id || in.contextId() != pc.id()
                    || !c.contains(CommandSet.STATUS)) {
                association.abort();
                throw CommandSet.malformed("unexpected response (command 0x" + Integer.toHexString(c.commandField())
                        + ")");
            }
            List<String> failedUids = List.of();
            if (c.hasDataSet()) {
                String[] listed = DataSets.read(association.dataInput(pc.id()), ts).getStrings(FAILED_SOP_INSTANCES);
                if (listed != null) {
                    failedUids = java.util.Arrays.stream(listed).limit(RetrieveResult.MAX_FAILED_LISTED)
                            .map(String::strip).toList();
                }
            }
            int status = c.status();
            if (!Status.isPending(status)) {
                return new RetrieveResult(status, c.us(CommandSet.COMPLETED), c.us(CommandSet.FAILED),
                        c.us(CommandSet.WARNING), failedUids);
            }
            Progress p = new Progress(status, c.us(CommandSet.REMAINING), c.us(CommandSet.COMPLETED),
                    c.us(CommandSet.FAILED), c.us(CommandSet.WARNING));
            if (!cancelled && !keepGoing.test(p)) {
                cancelled = true;
                association.sendCommand(pc.id(), CommandSet.of(CommandSet.C_CANCEL_RQ, id, false).encode());
            }
        }
    }

    private void sendDataSet(int pcId, Attributes ds, TransferSyntax ts) {
        try (OutputStream o = association.dataOutput(pcId)) {
            o.write(DataSets.encode(ds, ts));
        } catch (IOException e) {
            throw new DicomNetException(DicomErrorCode.NET_IO, "sending an identifier failed", e);
        }
    }

    private CommandSet response(int messageId, int field, int pcId) {
        CommandSet c = response(messageId, field, pcId, false);
        return c;
    }

    private CommandSet response(int messageId, int field, int pcId, boolean dataAllowed) {
        Association.Incoming in = association.readCommand();
        if (in == null) {
            association.answerRelease();
            throw new DicomNetException(DicomErrorCode.NET_ABORTED, "the peer released while we awaited a response");
        }
        CommandSet c = CommandSet.decode(in.command());
        if (c.commandField() != field || c.us(CommandSet.MESSAGE_ID_RESPONDED) != messageId || in.contextId() != pcId) {
            association.abort();
            throw CommandSet.malformed("unexpected response (command 0x" + Integer.toHexString(c.commandField()) + ")");
        }
        if (!c.contains(CommandSet.STATUS)) {
            association.abort();
            throw CommandSet.malformed("response without Status (0000,0900)");
        }
        if (c.hasDataSet() && !dataAllowed) {
            association.abort();
            throw CommandSet.malformed("response with an unexpected data set");
        }
        return c;
    }

    private PresentationContext require(String sopClass, List<String> ts) {
        PresentationContext pc = association.context(sopClass, ts);
        if (pc == null) {
            throw new DicomNetException(DicomErrorCode.NET_NO_PRESENTATION_CONTEXT, "no accepted presentation context"
                    + " for " + sopClass + (ts.isEmpty() ? "" : " in " + ts));
        }
        return pc;
    }

    /** Releases the association (A-RELEASE). */
    public void release() {
        association.release();
    }

    @Override
    public void close() {
        if (association.isOpen()) {
            association.release();
        }
    }
}
