package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.iep.api.audit.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcmtk's storescu pushing to our SCP: instances land in the routed transaction through ingest, or are refused. */
class ReceiverDcmtkTest {
    @TempDir
    Path tmp;

    private final CoreRig rig = new CoreRig();
    private DicomReceiver receiver;

    @BeforeEach
    void start() {
        InboundRoutes routes = (ae, sender) -> "IEP_T1".equals(ae) ? Optional.of(rig.transfer.id()) : Optional.empty();
        receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", 0,
                List.of(Peers.node("modality", "MODALITY", 0)), 20), rig.core.ingest(), routes, rig.auditor);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void storescuInstancesAreIngestedIntoTheRoutedTransactionUnchanged() throws Exception {
        Peers.require("storescu");
        List<Path> sent = List.of(Peers.CORPUS.resolve("CT_small.dcm"), Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.771"),
                Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.772"));
        String out = storescu("MODALITY", "IEP_T1", sent);
        assertThat(out).doesNotContain("Failed", "Refused");
        List<Path> stored = rig.export(tmp.resolve("stored"));
        assertThat(stored).hasSize(3);
        for (Path original : sent) {
            Path copy = Peers.storedCopy(stored, original);
            assertThat(Peers.dumpDataSet(copy)).as(original.toString()).isEqualTo(Peers.dumpDataSet(original));
            assertThat(Peers.value(copy, "0002,0016")).as("Source AE Title").isEqualTo("MODALITY");
        }
    }

    @Test
    void echoscuIsAnsweredForAConfiguredNodeOnly() throws Exception {
        Peers.require("echoscu");
        Peers.run("echoscu", "-aet", "MODALITY", "-aec", "IEP_T1", "127.0.0.1", String.valueOf(receiver.port()));
        Process p = new ProcessBuilder("echoscu", "-aet", "STRANGER", "-aec", "IEP_T1", "127.0.0.1",
                String.valueOf(receiver.port())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor()).isNotZero();
        assertThat(out).contains("Association Rejected");
    }

    @Test
    void anUnknownCallingAeIsRejectedAndAudited() throws Exception {
        Peers.require("storescu");
        String out = storescuAllowingFailure("STRANGER", "IEP_T1", List.of(Peers.CORPUS.resolve("CT_small.dcm")));
        assertThat(out).contains("Association Rejected");
        assertThat(rig.index.byTransaction(rig.transfer.id())).isEmpty();
        assertThat(rig.audited("dicom.associate")).singleElement().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.DENIED);
            assertThat(r.event().detail()).contains("STRANGER");
        });
    }

    @Test
    void aCalledAeThatRoutesNowhereGetsAFailureStatus() throws Exception {
        Peers.require("storescu");
        String out = storescuAllowingFailure("MODALITY", "NOWHERE", List.of(Peers.CORPUS.resolve("CT_small.dcm")));
        assertThat(out).contains("Received Store Response (Unknown Status: 0x124)");
        assertThat(rig.index.byTransaction(rig.transfer.id())).isEmpty();
        assertThat(rig.audited("dicom.store")).singleElement()
                .satisfies(r -> assertThat(r.event().detail()).contains("NOWHERE"));
    }

    @Test
    void anUnknownCalledAeIsRejectedAtAssociationAndAuditedWhenTheTitlesAreConfigured() throws Exception {
        Peers.require("echoscu");
        try (DicomReceiver strict = DicomReceiver.start(new ReceiverConfig("127.0.0.1", 0,
                List.of(Peers.node("modality", "MODALITY", 0)), 20, java.util.Set.of("IEP_T1")), rig.core.ingest(),
                (ae, sender) -> Optional.empty(), rig.auditor)) {
            Peers.run("echoscu", "-aet", "MODALITY", "-aec", "IEP_T1", "127.0.0.1", String.valueOf(strict.port()));
            Process p = new ProcessBuilder("echoscu", "-v", "-aet", "MODALITY", "-aec", "ELSEWHERE", "127.0.0.1",
                    String.valueOf(strict.port())).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(p.waitFor()).isNotZero();
            assertThat(out).contains("Association Rejected").contains("Called AE Title Not Recognized");
        }
        assertThat(rig.audited("dicom.associate")).singleElement().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.DENIED);
            assertThat(r.event().detail()).contains("ELSEWHERE").contains("MODALITY");
        });
    }

    @Test
    void aHostileSopInstanceUidIsRefusedAuditedAndNothingKept() throws Exception {
        Peers.require("storescu");
        String out = storescuAllowingFailure("MODALITY", "IEP_T1", List.of(Peers.copyWithUid(tmp, "1.2.3/../4")));
        assertThat(out).contains("Received Store Response (Error: CannotUnderstand)");
        assertThat(rig.index.byTransaction(rig.transfer.id())).isEmpty();
        assertThat(rig.blobs.list(org.iep.api.spi.BlobKey.of("tx"))).isEmpty();
        assertThat(rig.audited("dicom.store")).singleElement().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.DENIED);
            assertThat(r.event().detail()).contains("1.2.3/../4");
        });
    }


    private String storescu(String calling, String called, List<Path> files) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("storescu", "-v", "-aet", calling, "-aec", called,
                "127.0.0.1", String.valueOf(receiver.port())));
        files.forEach(f -> cmd.add(f.toString()));
        return Peers.run(cmd.toArray(String[]::new));
    }

    private String storescuAllowingFailure(String calling, String called, List<Path> files) throws Exception {
        return Peers.storescu(receiver.port(), calling, called, files);
    }
}
