package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.delivery.DeliveryLanes;
import org.iep.core.delivery.LaneOutcome;
import org.iep.core.delivery.OutboundLanes;
import org.iep.core.direct.DirectRoute;
import org.iep.core.direct.DirectRouting;
import org.iep.core.policy.IepPolicy;
import org.iep.testkit.TestClock;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct routing end to end with dcmtk on both sides: a modality of St Elsewhere pushes with storescu to our SCP
 * under the called AE title TO_NTEE; IEP opens a DIRECT_ROUTING transaction for the patient, and once the study is
 * stable the core's outbound lanes C-STORE it to North Elsewhere's PACS (dcmtk storescp), data sets unchanged.
 */
class DirectRoutingDcmtkTest {
    @TempDir
    Path tmp;

    private final CoreRig rig = new CoreRig();
    private DicomReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aPushedStudyIsRoutedToTheDestinationPacsOnceStable() throws Exception {
        Peers.require("storescu");
        Peers.require("storescp");
        rig.directory.putInstitution(Fixtures.NTEE);
        rig.transactions.nextTrackingSequence(Fixtures.STEE.code()); // the rig's fixture transfer holds number 1
        Node modality = new Node(new NodeId("modality"), Fixtures.STEE.id(), "MODALITY", "127.0.0.1", 0, false,
                Set.of(), Optional.empty(), false);
        int port = Peers.freePort();
        Node pacs = new Node(new NodeId("ntee-pacs"), Fixtures.NTEE.id(), "NTEEPACS", "127.0.0.1", port, false,
                Set.of(Fixtures.STEE.id()), Optional.empty(), true);
        rig.nodes.put(modality);
        rig.nodes.put(pacs);
        DirectRouting direct = rig.core.directRouting(List.of(new DirectRoute("TO_NTEE", Fixtures.STEE.id(),
                Fixtures.NTEE.id(), Optional.of(pacs.id()), Priority.NORMAL)), Duration.ofSeconds(60));
        receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", 0, List.of(modality), 20),
                rig.core.ingest(), (ae, sender) -> Optional.empty(), Optional.of(direct), rig.auditor);

        List<Path> sent = List.of(withUidAndBirthDate("1.2.826.0.1.3680043.8.498.881"),
                withUidAndBirthDate("1.2.826.0.1.3680043.8.498.882"),
                withUidAndBirthDate("1.2.826.0.1.3680043.8.498.883"));
        String out = storescu("MODALITY", "TO_NTEE", sent);
        assertThat(out).contains("Received Store Response (Success)").doesNotContain("Failed", "Refused");
        // an instance without a birth date cannot open a transaction: a failure status, nothing kept
        String refused = storescu("MODALITY", "TO_NTEE", List.of(Peers.CORPUS.resolve("CT_small.dcm")));
        assertThat(refused).contains("Error: CannotUnderstand");

        Transaction t = directs().get(0);
        assertThat(directs()).hasSize(1);
        assertThat(t.status()).isEqualTo(TransactionStatus.UPLOADING);
        assertThat(t.patient().identifier().id()).isEqualTo("1CT1");
        assertThat(t.studies()).singleElement().satisfies(s -> assertThat(s.receivedInstances()).isEqualTo(3));

        assertThat(direct.closeStable(TestClock.DEFAULT_START.plusSeconds(30))).isZero();
        assertThat(direct.closeStable(TestClock.DEFAULT_START.plusSeconds(61))).isEqualTo(1);
        assertThat(rig.transactions.find(t.id()).orElseThrow().status())
                .isEqualTo(TransactionStatus.DOWNLOAD_REQUEST);

        Path received = Files.createDirectories(tmp.resolve("received"));
        Process scp = Peers.start(tmp, "storescp", "-aet", "NTEEPACS", "-od", received.toString(),
                String.valueOf(port));
        try {
            Peers.awaitListening(port);
            DicomDeliveryHandler handler = new DicomDeliveryHandler(new DimseDicomGateway(
                    DicomAdapterConfig.of("IEP"), rig.blobs), rig.nodes, rig.index, rig.core.transactions(),
                    rig.auditor);
            OutboundLanes lanes = new OutboundLanes(rig.jobs, rig.transactions, rig.directory,
                    new DeliveryLanes(IepPolicy.DEFAULT), handler);
            List<LaneOutcome> ran = lanes.runOnce(Instant.now());
            assertThat(ran).anySatisfy(o -> assertThat(o.kind()).isEqualTo(LaneOutcome.Kind.DELIVERED));
        } finally {
            Peers.stop(scp);
        }
        assertThat(rig.transactions.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.DELIVERED);
        List<Path> arrived;
        try (Stream<Path> s = Files.list(received)) {
            arrived = s.toList();
        }
        assertThat(arrived).hasSize(3);
        for (Path original : sent) {
            String uid = Peers.value(original, "0008,0018");
            Path copy = arrived.stream().filter(p -> p.getFileName().toString().contains(uid)).findFirst()
                    .orElseThrow();
            assertThat(Peers.dumpDataSet(copy)).as(uid).isEqualTo(Peers.dumpDataSet(original));
        }
    }

    private List<Transaction> directs() {
        return rig.transactions.query(new TransactionQuery(Optional.empty(), Set.of(),
                Set.of(TransactionType.DIRECT_ROUTING), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 10));
    }

    private Path withUidAndBirthDate(String uid) throws Exception {
        Path f = tmp.resolve("push-" + uid + ".dcm");
        Files.copy(Peers.CORPUS.resolve("CT_small.dcm"), f);
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=" + uid, "-m", "(0010,0030)=19700517", f.toString());
        return f;
    }

    private String storescu(String calling, String called, List<Path> files) throws Exception {
        return Peers.storescu(receiver.port(), calling, called, files);
    }
}
