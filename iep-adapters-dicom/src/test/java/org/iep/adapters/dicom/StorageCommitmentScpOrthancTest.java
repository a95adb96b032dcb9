package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.audit.Outcome;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.IngestSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our receiver as storage commitment SCP, Orthanc 1.10 as SCU (REST {@code POST /modalities/{id}/storage-commitment}):
 * Orthanc pushes two CT instances into the routed transaction, then asks us to commit four. Committed: the one it
 * sent, asked with its SOP class. Failed: the other one it sent, asked as an MR (0x0119); one we hold in a transaction
 * Orthanc never fed (0x0112); one nobody sent (0x0112). Our report reaches Orthanc on a new association.
 */
class StorageCommitmentScpOrthancTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String NOT_FED = "1.2.826.0.1.3680043.8.498.661";
    static final Pattern STATUS = Pattern.compile("\"Status\"\\s*:\\s*\"(\\w+)\"");

    @TempDir
    Path tmp;

    OrthancPeer orthanc;
    DicomReceiver receiver;

    @AfterEach
    void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void orthancAsksUsToCommitAndGetsEachInstanceRight() throws Exception {
        Peers.require("Orthanc");
        CoreRig rig = new CoreRig();
        Transaction pushed = rig.newTransfer(2);
        int port = Peers.freePort();
        orthanc = OrthancPeer.start(tmp, "ORTHANC_S", List.of(Peers.node("iep-push", "IEP_PUSH", port)));
        receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", port, List.of(orthanc.node()), 20),
                rig.core.ingest(), (ae, sender) -> "IEP_PUSH".equals(ae) ? Optional.of(pushed.id())
                        : Optional.empty(), Optional.empty(), rig.auditor, Optional.empty(), Optional.of(rig.index));
        Path ct = Peers.CORPUS.resolve("CT_small.dcm");
        Path mr = tmp.resolve("second.dcm"); // a second CT of the same patient, asked about as an MR below
        Files.copy(ct, mr);
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=1.2.826.0.1.3680043.8.498.663", mr.toString());
        String ctId = orthanc.upload(ct);
        String mrId = orthanc.upload(mr);
        assertThat(orthanc.post("/modalities/iep-push/store", "[\"" + ctId + "\", \"" + mrId + "\"]")).isEqualTo(200);
        assertThat(rig.index.byTransaction(pushed.id())).hasSize(2);
        // held by IEP, but in a transaction Orthanc's instances never went into
        Path other = tmp.resolve("not-fed.dcm");
        Files.copy(ct, other);
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=" + NOT_FED, other.toString());
        try (InputStream in = Files.newInputStream(other)) {
            rig.core.ingest().ingest(rig.transfer.id(), in, new IngestSource(new Party.System("test"),
                    ClientInfo.INTERNAL, "MODALITY"));
        }
        String ctUid = Peers.value(ct, "0008,0018");
        String mrUid = Peers.value(mr, "0008,0018");
        String mrClass = "1.2.840.10008.5.1.4.1.1.4";

        String answer = orthanc.postForBody("/modalities/iep-push/storage-commitment", "{\"DicomInstances\": ["
                + ref(CT, ctUid) + ", " + ref(mrClass, mrUid) + ", " + ref(CT, NOT_FED) + ", "
                + ref(mrClass, "1.2.826.0.1.3680043.8.498.662") + "]}");
        Matcher id = Pattern.compile("\"ID\"\\s*:\\s*\"([0-9.]+)\"").matcher(answer);
        assertThat(id.find()).as(answer).isTrue();
        String report = awaitReport(id.group(1));

        assertThat(status(report)).as(report).isEqualTo("Failure");
        String success = report.substring(report.indexOf("\"Success\""));
        String failures = report.substring(report.indexOf("\"Failures\""), report.indexOf("\"Success\"") > report
                .indexOf("\"Failures\"") ? report.indexOf("\"Success\"") : report.length());
        assertThat(success).contains(ctUid).doesNotContain(mrUid, NOT_FED);
        assertThat(failures).contains(mrUid, NOT_FED, "1.2.826.0.1.3680043.8.498.662").doesNotContain(ctUid);
        assertThat(reason(failures, mrUid)).isEqualTo(0x0119);
        assertThat(reason(failures, NOT_FED)).isEqualTo(0x0112);
        assertThat(reason(failures, "1.2.826.0.1.3680043.8.498.662")).isEqualTo(0x0112);
        long end = System.nanoTime() + 30_000_000_000L;
        while (rig.audited("dicom.commitment").isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10); // audited once Orthanc has answered the report, which may follow its REST status
        }
        assertThat(rig.audited("dicom.commitment")).singleElement().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.event().detail()).startsWith("node=ORTHANC_S transaction=" + id.group(1))
                    .endsWith("committed=1/4 failed=3 reported on a new association");
        });
    }

    private String awaitReport(String transactionUid) throws Exception {
        long end = System.nanoTime() + 130_000_000_000L;
        while (true) {
            String r = orthanc.getBody("/storage-commitment/" + transactionUid);
            if (!"Pending".equals(status(r)) || System.nanoTime() > end) {
                return r;
            }
            Thread.sleep(100);
        }
    }

    private static String status(String json) {
        Matcher m = STATUS.matcher(json);
        return m.find() ? m.group(1) : "(none)";
    }

    /** The Failure Reason Orthanc shows for an instance: the first number after its UID in its entry. */
    private static int reason(String failures, String uid) {
        Matcher m = Pattern.compile(Pattern.quote(uid) + "\"[^}]*?\"FailureReason\"\\s*:\\s*(\\d+)|\"FailureReason\""
                + "\\s*:\\s*(\\d+)[^}]*?" + Pattern.quote(uid)).matcher(failures);
        if (!m.find()) {
            throw new AssertionError("no Failure Reason for " + uid + " in " + failures);
        }
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static String ref(String sopClass, String sopInstance) {
        return "{\"SOPClassUID\": \"" + sopClass + "\", \"SOPInstanceUID\": \"" + sopInstance + "\"}";
    }
}
