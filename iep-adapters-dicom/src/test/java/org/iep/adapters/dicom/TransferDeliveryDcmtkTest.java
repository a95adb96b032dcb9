package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iep.api.directory.Node;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.delivery.DeliveryJobs;
import org.iep.core.delivery.DeliveryLanes;
import org.iep.core.delivery.LaneOutcome;
import org.iep.core.delivery.OutboundLanes;
import org.iep.core.policy.IepPolicy;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transfer's whole delivery job with dcmtk as both hospitals' PACS: the job retrieves the study from the
 * sender's dcmqrscp (C-MOVE into our SCP), records 3/3, moves the transfer On IEP, asks for it (auto-download)
 * and C-STOREs it to the recipient's storescp — one lane run, data sets unchanged. A source that is down is a
 * retry, and the next run fetches the study then.
 */
class TransferDeliveryDcmtkTest {
    @TempDir
    Path tmp;

    @Test
    void aTransferIsRetrievedFromItsSourceThenDeliveredToItsDestination() throws Exception {
        Peers.require("dcmqrscp");
        Peers.require("storescp");
        CoreRig rig = new CoreRig();
        DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP"), rig.blobs);
        int pacsPort = Peers.freePort();
        int destPort = Peers.freePort();
        Node pacs = Peers.node("pacs", "PACS", pacsPort);
        Node dest = Peers.node("dest", "DEST", destPort);
        rig.nodes.put(pacs);
        rig.nodes.put(dest);
        List<Path> files = List.of(Peers.CORPUS.resolve("CT_small.dcm"), Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.71"),
                Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.72"));
        String study = Peers.value(files.get(0), "0020,000d");
        Transaction t = rig.insert(Transactions.transfer(5).status(TransactionStatus.NEW)
                .source(Optional.of(pacs.id())).destination(Optional.of(dest.id()))
                .studies(List.of(StudyEntry.pending(study, "", "CT"))).build());
        Path db = Files.createDirectories(tmp.resolve("db"));
        Peers.run("dcmqridx", db.toString(), files.get(0).toString(), files.get(1).toString(), files.get(2).toString());
        OutboundLanes lanes = new OutboundLanes(rig.jobs, rig.transactions, rig.directory,
                new DeliveryLanes(IepPolicy.DEFAULT), new DicomDeliveryHandler(gateway, rig.nodes, rig.index,
                        rig.core.transactions(), rig.auditor));
        Instant now = Instant.now();
        new DeliveryJobs(rig.jobs, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).enqueue(t);
        Path received = Files.createDirectories(tmp.resolve("received"));
        try (DicomReceiver receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", 0, List.of(pacs), 20),
                rig.core.ingest(), gateway.retrievals(), rig.auditor)) {
            // the source is not up yet: a retryable failure, nothing changes but the study's status
            LaneOutcome down = Peers.onlyBusyLane(lanes.runOnce(now));
            assertThat(down.kind()).isEqualTo(LaneOutcome.Kind.RETRYING);
            assertThat(rig.transactions.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.STARTED);

            Process source = Peers.dcmqrscp(tmp, pacsPort, db, "IEP", receiver.port());
            Process destination = Peers.start(tmp, "storescp", "-aet", "DEST", "-od", received.toString(),
                    String.valueOf(destPort));
            try {
                Peers.awaitListening(destPort);
                LaneOutcome up = Peers.onlyBusyLane(lanes.runOnce(now.plus(Duration.ofHours(1))));
                assertThat(up.kind()).as(up.detail()).isEqualTo(LaneOutcome.Kind.DELIVERED);
            } finally {
                Peers.stop(source);
                Peers.stop(destination);
            }
        }
        Transaction done = rig.transactions.find(t.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(TransactionStatus.DELIVERED);
        assertThat(done.studies()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(StudyStatus.COMPLETE);
            assertThat(s.progress()).isEqualTo("3/3");
        });
        assertThat(rig.audited("dicom.retrieve")).extracting(r -> r.event().outcome())
                .containsExactly(org.iep.api.audit.Outcome.FAILURE, org.iep.api.audit.Outcome.SUCCESS);
        List<Path> arrived;
        try (Stream<Path> s = Files.list(received)) {
            arrived = s.toList();
        }
        assertThat(arrived).hasSize(3);
        for (Path original : files) {
            String uid = Peers.value(original, "0008,0018");
            Path copy = arrived.stream().filter(p -> p.getFileName().toString().contains(uid)).findFirst()
                    .orElseThrow();
            assertThat(Peers.dumpDataSet(copy)).as(uid).isEqualTo(Peers.dumpDataSet(original));
        }
    }
}
