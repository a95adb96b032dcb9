package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.spi.TransferOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C-MOVE from dcmtk's dcmqrscp into our SCP, and C-GET on our own association, into the retrieving transaction. */
class RetrieveDcmtkTest {
    @TempDir
    Path tmp;

    @Test
    void aStudyMovedFromDcmqrscpLandsInTheRetrievingTransaction() throws Exception {
        Peers.require("dcmqrscp");
        CoreRig rig = new CoreRig();
        DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP"), rig.blobs);
        int pacsPort = Peers.freePort();
        Node pacs = Peers.node("pacs", "PACS", pacsPort);
        List<Path> files = List.of(Peers.CORPUS.resolve("CT_small.dcm"), Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.61"),
                Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.62"));
        Path db = Files.createDirectories(tmp.resolve("db"));
        Peers.run("dcmqridx", db.toString(), files.get(0).toString(), files.get(1).toString(), files.get(2).toString());
        try (DicomReceiver receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", 0, List.of(pacs), 20),
                rig.core.ingest(), gateway.retrievals(), rig.auditor)) {
            Process scp = Peers.dcmqrscp(tmp, pacsPort, db, "IEP", receiver.port());
            try {
                String study = Peers.value(files.get(0), "0020,000d");
                TransferOutcome o = gateway.retrieveInto(rig.transfer.id(), pacs, study);
                assertThat(o).isEqualTo(new TransferOutcome(3, 0, 0));
                // without a retrieve in progress, what the PACS sends routes nowhere and is refused
                TransferOutcome unrouted = gateway.retrieve(pacs, study);
                assertThat(unrouted.failed()).isEqualTo(3);
            } finally {
                Peers.stop(scp);
            }
        }
        List<Path> stored = rig.export(tmp.resolve("stored"));
        assertThat(stored).hasSize(3);
        Peers.assertStoredUnchanged(files, stored);
    }

    @Test
    void aNodeConfiguredForCGetIsRetrievedOnOurOwnAssociationIntoTheTransaction() throws Exception {
        Peers.require("dcmqrscp");
        CoreRig rig = new CoreRig();
        int pacsPort = Peers.freePort();
        Node pacs = Peers.node("pacs", "PACS", pacsPort);
        DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                .withRetrieveByCGet(java.util.Set.of(pacs.id())), rig.blobs, rig.core.ingest());
        List<Path> files = List.of(Peers.CORPUS.resolve("CT_small.dcm"), Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.81"),
                Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.82"));
        Path db = Files.createDirectories(tmp.resolve("db"));
        Peers.run("dcmqridx", db.toString(), files.get(0).toString(), files.get(1).toString(), files.get(2).toString());
        Process scp = Peers.dcmqrscp(tmp, pacsPort, db);
        try {
            String study = Peers.value(files.get(0), "0020,000d");
            assertThat(gateway.retrieveInto(rig.transfer.id(), pacs, study)).isEqualTo(new TransferOutcome(3, 0, 0));
            // a study the PACS does not hold brings nothing
            assertThat(gateway.retrieveInto(rig.transfer.id(), pacs, "1.2.826.0.1.3680043.8.498.999").completed())
                    .isZero();
        } finally {
            Peers.stop(scp);
        }
        List<Path> stored = rig.export(tmp.resolve("stored"));
        assertThat(stored).hasSize(3);
        Peers.assertStoredUnchanged(files, stored);
    }

    @Test
    void aNodeConfiguredForCGetIsRefusedWithAClearError() {
        CoreRig rig = new CoreRig();
        DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                .withRetrieveByCGet(java.util.Set.of(new NodeId("pacs"))), rig.blobs);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.retrieve(Peers.node("pacs", "PACS", 1),
                "1.2.3")).isInstanceOfSatisfying(DicomGatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(DicomAdapterErrorCode.RETRIEVE_UNSUPPORTED);
                    assertThat(e.getMessage()).contains("C-GET");
                });
    }
}
