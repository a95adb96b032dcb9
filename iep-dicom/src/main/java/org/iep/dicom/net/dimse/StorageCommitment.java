package org.iep.dicom.net.dimse;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomException;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;

/**
 * Storage Commitment Push Model (PS3.4 Annex J): the request an SCU sends in its N-ACTION (a Transaction UID and the
 * instances to commit) and the result an SCP reports in its N-EVENT-REPORT (committed ones, failed ones with a
 * Failure Reason). Decoding validates everything a peer sends: UIDs, item counts (at most {@value #MAX_ITEMS}),
 * repeated instances; a request that does not pass is refused with the N-ACTION status {@link Parsed#status()}.
 */
public final class StorageCommitment {
    /** Storage Commitment Push Model SOP Class and its well-known SOP Instance. */
    public static final String SOP_CLASS = "1.2.840.10008.1.20.1";
    public static final String SOP_INSTANCE = "1.2.840.10008.1.20.1.1";
    /** N-ACTION Action Type ID "Request Storage Commitment"; N-EVENT-REPORT Event Type IDs. */
    public static final int ACTION_REQUEST = 1, EVENT_ALL_COMMITTED = 1, EVENT_FAILURES_EXIST = 2;
    /** Failure Reasons (0008,1197) (PS3.3 C.12.1.1.1, PS3.4 J.3.2.1.1). */
    public static final int PROCESSING_FAILURE = 0x0110, NO_SUCH_OBJECT_INSTANCE = 0x0112,
            CLASS_INSTANCE_CONFLICT = 0x0119, SOP_CLASS_NOT_SUPPORTED = 0x0122, DUPLICATE_TRANSACTION_UID = 0x0131;
    /** N-ACTION failure statuses a refused request gets (PS3.7 10.1.4.1.10). */
    public static final int INVALID_ARGUMENT_VALUE = 0x0115, NO_SUCH_ACTION = 0x0123, INVALID_OBJECT_INSTANCE = 0x0117,
            RESOURCE_LIMITATION = 0x0213;
    /** More instances in one request or report are refused: a bound on what a peer makes us hold. */
    public static final int MAX_ITEMS = 10_000;

    static final int TRANSACTION_UID = 0x00081195, FAILURE_REASON = 0x00081197, FAILED_SOP_SEQUENCE = 0x00081198,
            REFERENCED_SOP_SEQUENCE = 0x00081199;

    private StorageCommitment() {
    }

    /** One instance: its SOP Class and SOP Instance UID. */
    public record Ref(String sopClassUid, String sopInstanceUid) {
        public Ref {
            Objects.requireNonNull(sopClassUid);
            Objects.requireNonNull(sopInstanceUid);
        }
    }

    /** An N-ACTION's content. */
    public record Request(String transactionUid, List<Ref> refs) {
        public Request {
            refs = List.copyOf(refs);
            if (!Uids.isValid(transactionUid)) {
                throw new IllegalArgumentException("transaction UID is not a UID");
            }
            if (refs.isEmpty() || refs.size() > MAX_ITEMS) {
                throw new IllegalArgumentException("a commitment request names 1 to " + MAX_ITEMS + " instances");
            }
        }
    }

    /** One instance the SCP does not commit, with its Failure Reason. */
    public record Failure(Ref ref, int reason) {
    }

    /** An N-EVENT-REPORT's content. */
    public record Result(String transactionUid, List<Ref> committed, List<Failure> failed) {
        public Result {
            committed = List.copyOf(committed);
            failed = List.copyOf(failed);
        }

        public boolean allCommitted() {
            return failed.isEmpty();
        }

        /** Event Type ID: 1 when all are committed, 2 when failures exist. */
        public int eventType() {
            return failed.isEmpty() ? EVENT_ALL_COMMITTED : EVENT_FAILURES_EXIST;
        }
    }

    /** A request as decoded: either {@link #request()} or the failure {@link #status()} and why. */
    public record Parsed(Request request, int status, String problem) {
        static Parsed refused(int status, String problem) {
            return new Parsed(null, status, problem);
        }

        public boolean ok() {
            return request != null;
        }
    }

    // ------------------------------------------------------------------ encoding

    static Attributes encode(Request r) {
        Attributes ds = new Attributes();
        ds.setString(TRANSACTION_UID, VR.UI, r.transactionUid());
        items(ds.newSequence(REFERENCED_SOP_SEQUENCE), r.refs());
        return ds;
    }

    static Attributes encode(Result r) {
        Attributes ds = new Attributes();
        ds.setString(TRANSACTION_UID, VR.UI, r.transactionUid());
        if (!r.committed().isEmpty()) {
            items(ds.newSequence(REFERENCED_SOP_SEQUENCE), r.committed());
        }
        if (!r.failed().isEmpty()) {
            SequenceElement s = ds.newSequence(FAILED_SOP_SEQUENCE);
            for (Failure f : r.failed()) {
                Attributes item = s.addItem();
                item.setString(Tags.ReferencedSOPClassUID, VR.UI, f.ref().sopClassUid());
                item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, f.ref().sopInstanceUid());
                item.setInt(FAILURE_REASON, VR.US, f.reason());
            }
        }
        return ds;
    }

    private static void items(SequenceElement s, List<Ref> refs) {
        for (Ref ref : refs) {
            Attributes item = s.addItem();
            item.setString(Tags.ReferencedSOPClassUID, VR.UI, ref.sopClassUid());
            item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, ref.sopInstanceUid());
        }
    }

    // ------------------------------------------------------------------ decoding

    /** Decodes an N-ACTION data set as received (bare, in {@code ts}); malformed bytes throw NET_DIMSE_MALFORMED. */
    public static Parsed readRequest(byte[] dataSet, TransferSyntax ts) {
        return parseRequest(DataSets.read(new ByteArrayInputStream(dataSet), ts));
    }

    /** Decodes an N-EVENT-REPORT data set as received; anything invalid throws NET_DIMSE_MALFORMED. */
    public static Result readResult(byte[] dataSet, TransferSyntax ts) {
        return parseResult(DataSets.read(new ByteArrayInputStream(dataSet), ts));
    }

    /** Validates an N-ACTION's data set: nothing in it is acted on unless all of it is valid. */
    static Parsed parseRequest(Attributes ds) {
        try {
            return parseRequest0(ds);
        } catch (DicomException e) {
            // a value of the wrong VR (a sequence where a UID belongs...) is refused like a missing one
            return Parsed.refused(INVALID_ARGUMENT_VALUE, "unreadable value: " + e.getMessage());
        }
    }

    private static Parsed parseRequest0(Attributes ds) {
        String tx = ds.getString(TRANSACTION_UID);
        if (!Uids.isValid(tx)) {
            return Parsed.refused(INVALID_ARGUMENT_VALUE, tx == null ? "no Transaction UID (0008,1195)"
                    : "Transaction UID '" + Uids.printable(tx) + "' is not a UID");
        }
        SequenceElement seq = ds.getSequence(REFERENCED_SOP_SEQUENCE);
        if (seq == null || seq.size() == 0) {
            return Parsed.refused(INVALID_ARGUMENT_VALUE, "no or an empty Referenced SOP Sequence (0008,1199)");
        }
        if (seq.size() > MAX_ITEMS) {
            return Parsed.refused(RESOURCE_LIMITATION, seq.size() + " instances in one request; at most "
                    + MAX_ITEMS);
        }
        List<Ref> refs = new ArrayList<>(seq.size());
        Set<String> seen = new HashSet<>();
        for (Attributes item : seq.items()) {
            Ref ref = ref(item);
            if (ref == null) {
                return Parsed.refused(INVALID_ARGUMENT_VALUE, "a Referenced SOP Sequence item without valid SOP"
                        + " Class and Instance UIDs ('" + Uids.printable(item.getString(Tags.ReferencedSOPInstanceUID))
                        + "')");
            }
            if (!seen.add(ref.sopInstanceUid())) {
                return Parsed.refused(INVALID_ARGUMENT_VALUE, "instance " + ref.sopInstanceUid()
                        + " named twice in one request");
            }
            refs.add(ref);
        }
        return new Parsed(new Request(tx, refs), Status.SUCCESS, "");
    }

    static Result parseResult(Attributes ds) {
        try {
            return parseResult0(ds);
        } catch (DicomNetException e) {
            throw e;
        } catch (DicomException e) {
            throw new DicomNetException(DicomErrorCode.NET_DIMSE_MALFORMED, "an unreadable N-EVENT-REPORT value: "
                    + e.getMessage(), e);
        }
    }

    private static Result parseResult0(Attributes ds) {
        String tx = ds.getString(TRANSACTION_UID);
        if (!Uids.isValid(tx)) {
            throw malformed("an N-EVENT-REPORT without a valid Transaction UID (0008,1195)");
        }
        List<Attributes> ok = ds.getItems(REFERENCED_SOP_SEQUENCE);
        List<Attributes> bad = ds.getItems(FAILED_SOP_SEQUENCE);
        if (ok.size() + bad.size() > MAX_ITEMS) {
            throw malformed("an N-EVENT-REPORT naming more than " + MAX_ITEMS + " instances");
        }
        List<Ref> committed = new ArrayList<>(ok.size());
        for (Attributes item : ok) {
            committed.add(requireRef(item));
        }
        List<Failure> failed = new ArrayList<>(bad.size());
        for (Attributes item : bad) {
            failed.add(new Failure(requireRef(item), item.getInt(FAILURE_REASON, PROCESSING_FAILURE)));
        }
        return new Result(tx, committed, failed);
    }

    private static Ref requireRef(Attributes item) {
        Ref r = ref(item);
        if (r == null) {
            throw malformed("an N-EVENT-REPORT item without valid SOP Class and Instance UIDs ('"
                    + Uids.printable(item.getString(Tags.ReferencedSOPInstanceUID)) + "')");
        }
        return r;
    }

    private static Ref ref(Attributes item) {
        String c = item.getString(Tags.ReferencedSOPClassUID);
        String i = item.getString(Tags.ReferencedSOPInstanceUID);
        return Uids.isValid(c) && Uids.isValid(i) ? new Ref(c, i) : null;
    }

    private static DicomNetException malformed(String message) {
        return new DicomNetException(DicomErrorCode.NET_DIMSE_MALFORMED, message);
    }
}
