package org.iep.adapters.dicom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Node;
import org.iep.api.spi.TransferOutcome;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.Ingest;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.NetListener;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.Uids;

/**
 * A study retrieved by C-GET on our own association, each instance streamed into the transaction. Peers built on
 * dcmtk (dcmqrscp) pick a sub-operation's context by SOP class alone (an uncompressed one if they accepted one,
 * else any) and fail an instance held in another syntax when they cannot convert it. So when the peer failed
 * sub-operations our side did not refuse, the instances it did not send (image-level C-FIND minus what arrived) are
 * asked for again at image level, first on an association offering uncompressed syntaxes only, then each
 * compressed family alone, while some remain: each instance then finds, in one pass, the one context of its class in
 * its own syntax. Each C-GET leaves a {@code dicom.get} audit record ({@code pass=1..8}).
 */
final class CGetRetrieve {
    /** Instances asked for in one image-level identifier (a UID list), to keep identifiers small. */
    private static final int UIDS_PER_REQUEST = 100;

    private final Connections connections;
    private final Ingest ingest;
    private final Optional<Auditor> auditor;

    CGetRetrieve(Connections connections, Ingest ingest, Optional<Auditor> auditor) {
        this.connections = connections;
        this.ingest = ingest;
        this.auditor = auditor;
    }

    TransferOutcome retrieve(TransactionId target, Node source, String studyUid) {
        GetIntoTransaction into = new GetIntoTransaction(ingest, target, source.aeTitle());
        DimseClient.RetrieveResult r = once(target, source, studyUid, StudyKeys.study(studyUid),
                StorageClasses.getContexts(), into, 1);
        int failed = Math.max(r.failed(), 0);
        if (!Status.isSuccessOrWarning(r.status()) && failed == 0) {
            throw Connections.failed(source, "C-GET of study " + studyUid, r.status());
        }
        int completed = Math.max(r.completed(), 0);
        int warning = Math.max(r.warning(), 0);
        int pass = 1;
        Map<String, List<String>> listed = null; // asked for once, on the first retry
        for (List<List<String>> contexts : StorageClasses.retryPasses()) {
            if (failed <= into.refused()) {
                break; // every failure is one our side refused: asking again would bring the same refusal
            }
            pass++;
            if (listed == null) {
                listed = listed(target, source, studyUid, pass);
            }
            Map<String, List<String>> missing = notSeen(listed, into.seen());
            int asked = missing.values().stream().mapToInt(List::size).sum();
            int failedAgain = 0;
            for (Map.Entry<String, List<String>> series : missing.entrySet()) {
                List<String> uids = series.getValue();
                for (int from = 0; from < uids.size(); from += UIDS_PER_REQUEST) {
                    List<String> part = uids.subList(from, Math.min(uids.size(), from + UIDS_PER_REQUEST));
                    DimseClient.RetrieveResult again = once(target, source, studyUid,
                            instances(studyUid, series.getKey(), part), contexts, into, pass);
                    completed += Math.max(again.completed(), 0);
                    warning += Math.max(again.warning(), 0);
                    // a peer that answers a UID list with fewer sub-operations leaves the rest failed
                    failedAgain += part.size() - Math.max(again.completed(), 0) - Math.max(again.warning(), 0);
                }
            }
            if (asked == 0) {
                break; // the failures are instances the peer does not list (or lists with invalid UIDs)
            }
            failed = Math.max(failed - asked, 0) + failedAgain;
        }
        return new TransferOutcome(completed, failed, warning);
    }

    private DimseClient.RetrieveResult once(TransactionId target, Node source, String studyUid, Attributes keys,
            List<List<String>> contexts, GetIntoTransaction into, int pass) {
        int ingestedBefore = into.ingested();
        int refusedBefore = into.refused();
        String what = "transaction=" + target.value() + " study=" + studyUid + " node=" + source.aeTitle()
                + " pass=" + pass;
        try (DimseClient c = connections.openForGet(source, List.of(DimseClient.STUDY_ROOT_GET), contexts)) {
            DimseClient.RetrieveResult r = c.get(DimseClient.STUDY_ROOT_GET, keys, into, p -> true,
                    refusals(what));
            int failed = Math.max(r.failed(), 0);
            int refused = into.refused() - refusedBefore;
            record(failed == 0 && Status.isSuccessOrWarning(r.status()) ? Outcome.SUCCESS : Outcome.FAILURE, what
                    + " status=0x" + String.format("%04X", r.status()) + " completed=" + r.completed() + " failed="
                    + r.failed() + " warning=" + r.warning() + " ingested=" + (into.ingested() - ingestedBefore)
                    + " refusedByIngest=" + refused + " refusedBeforeIngestOrNotSent="
                    + Math.max(failed - refused, 0) + failedList(r));
            return r;
        } catch (DicomNetException e) {
            DicomGatewayException failure = Connections.translate(source, "C-GET", e);
            record(Outcome.FAILURE, what + " error=" + failure.errorCode().code() + " ingested="
                    + (into.ingested() - ingestedBefore) + " refusedByIngest=" + (into.refused() - refusedBefore));
            throw failure;
        }
    }

    /** The peer's Failed SOP Instance UID List, printable, the first 20 of it. */
    private static String failedList(DimseClient.RetrieveResult r) {
        if (r.failedInstances().isEmpty()) {
            return "";
        }
        List<String> shown = r.failedInstances().stream().limit(20).map(Uids::printable).toList();
        return " failedInstances=" + r.failedInstances().size() + " [" + String.join(" ", shown)
                + (r.failedInstances().size() > shown.size() ? " ..." : "") + "]";
    }

    /** Each sub-operation iep-dicom refuses before ingest (a hostile UID, say) gets its own audit record. */
    private NetListener refusals(String what) {
        return new NetListener() {
            @Override
            public void refused(String callingAe, String remoteAddress, int status, String reason) {
                auditor.ifPresent(a -> a.record(PeerCheck.LISTENER, "dicom.get", Outcome.DENIED, ClientInfo.INTERNAL,
                        what + " sub-operation refused, status 0x" + String.format("%04X", status) + ": " + reason));
            }
        };
    }

    private static Map<String, List<String>> notSeen(Map<String, List<String>> listed, Set<String> seen) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        listed.forEach((series, sops) -> sops.stream().filter(sop -> !seen.contains(sop))
                .forEach(sop -> missing.computeIfAbsent(series, s -> new ArrayList<>()).add(sop)));
        return missing;
    }

    /**
     * The study's instances as the peer lists them (C-FIND, image level), by series. Empty when the peer answers no
     * such C-FIND: the first pass's failures then stand, and the audit record says why.
     */
    private Map<String, List<String>> listed(TransactionId target, Node source, String studyUid, int pass) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        Attributes keys = StudyKeys.study(studyUid);
        keys.setString(StudyKeys.QUERY_RETRIEVE_LEVEL, VR.CS, "IMAGE");
        keys.setString(Tags.SeriesInstanceUID, VR.UI, "");
        keys.setString(Tags.SOPInstanceUID, VR.UI, "");
        List<String> contexts = new ArrayList<>(List.of(DimseClient.STUDY_ROOT_FIND));
        contexts.addAll(DimseClient.UNCOMPRESSED);
        try (DimseClient c = connections.open(source, List.of(contexts))) {
            int status = c.find(DimseClient.STUDY_ROOT_FIND, keys, m -> {
                String series = m.getString(Tags.SeriesInstanceUID, "");
                String sop = m.getString(Tags.SOPInstanceUID, "");
                // an invalid UID was refused before ingest and is never asked for by name
                if (Uids.isValid(series) && Uids.isValid(sop)) {
                    missing.computeIfAbsent(series, s -> new ArrayList<>()).add(sop);
                }
                return true;
            });
            if (status != Status.SUCCESS) {
                record(Outcome.FAILURE, "transaction=" + target.value() + " study=" + studyUid + " node="
                        + source.aeTitle() + " pass=" + pass + " not tried: image-level C-FIND status=0x"
                        + String.format("%04X", status));
                return Map.of();
            }
        } catch (DicomNetException | DicomGatewayException e) {
            record(Outcome.FAILURE, "transaction=" + target.value() + " study=" + studyUid + " node="
                    + source.aeTitle() + " pass=" + pass + " not tried: image-level C-FIND failed (" + e.getMessage()
                    + ")");
            return Map.of();
        }
        return missing;
    }

    private static Attributes instances(String studyUid, String seriesUid, List<String> sopUids) {
        Attributes keys = StudyKeys.study(studyUid);
        keys.setString(StudyKeys.QUERY_RETRIEVE_LEVEL, VR.CS, "IMAGE");
        keys.setString(Tags.SeriesInstanceUID, VR.UI, seriesUid);
        keys.setString(Tags.SOPInstanceUID, VR.UI, sopUids.toArray(String[]::new));
        return keys;
    }

    private void record(Outcome outcome, String detail) {
        auditor.ifPresent(a -> a.record(PeerCheck.LISTENER, "dicom.get", outcome, ClientInfo.INTERNAL, detail));
    }
}
