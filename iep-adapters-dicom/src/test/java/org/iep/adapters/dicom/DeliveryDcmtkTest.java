package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Node;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.ClientInfo;
import org.iep.core.delivery.DeliveryJobs;
import org.iep.core.delivery.DeliveryLanes;
import org.iep.core.delivery.LaneOutcome;
import org.iep.core.delivery.OutboundLanes;
import org.iep.core.ingest.IngestSource;
import org.iep.core.policy.IepPolicy;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Blue Light delivery job through the core's outbound lanes: the destination PACS is down (retry with back-off),
 * then up (3 instances C-STOREd to dcmtk's storescp, the transaction Delivered, the study's count audited).
 */
class DeliveryDcmtkTest {
    @TempDir
    Path tmp;

    @Test
    void aBlueLightDeliveryRetriesWhileTheNodeIsDownThenDelivers() throws Exception {
        Peers.require("storescp");
        CoreRig rig = new CoreRig();
        int port = Peers.freePort();
        Node dest = Peers.node("dest", "DEST", port);
        rig.nodes.put(dest);
        Transaction t = rig.insert(Transactions.transfer(3).status(TransactionStatus.DOWNLOAD_REQUEST)
                .destination(Optional.of(dest.id())).priority(Priority.BLUE_LIGHT).studies(List.of()).build());
        IngestSource source = new IngestSource(new Party.System("test"), ClientInfo.INTERNAL, "MODALITY");
        for (Path f : List.of(Peers.CORPUS.resolve("CT_small.dcm"), Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.991"),
                Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.992"))) {
            try (var in = Files.newInputStream(f)) {
                rig.core.ingest().ingest(t.id(), in, source);
            }
        }
        assertThat(rig.transactions.find(t.id()).orElseThrow().studies()).singleElement()
                .satisfies(s -> assertThat(s.receivedInstances()).isEqualTo(3));
        DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP"), rig.blobs);
        DicomDeliveryHandler handler = new DicomDeliveryHandler(gateway, rig.nodes, rig.index,
                rig.core.transactions(), rig.auditor);
        OutboundLanes lanes = new OutboundLanes(rig.jobs, rig.transactions, rig.directory,
                new DeliveryLanes(IepPolicy.DEFAULT), handler);
        Instant now = Instant.now();
        new DeliveryJobs(rig.jobs, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .enqueue(rig.transactions.find(t.id()).orElseThrow());

        LaneOutcome down = busy(lanes.runOnce(now));
        assertThat(down.kind()).isEqualTo(LaneOutcome.Kind.RETRYING);
        assertThat(down.detail()).contains("IEP-5801");
        assertThat(new DeliveryLanes(IepPolicy.DEFAULT).reservedForBlueLight(down.lane())).isTrue();
        assertThat(rig.transactions.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.DOWNLOADING);
        assertThat(busy(lanes.runOnce(now.plusSeconds(1)))).as("backed off").isNull();

        Path out = Files.createDirectories(tmp.resolve("out"));
        Process scp = Peers.start(tmp, "storescp", "-aet", "DEST", "-od", out.toString(), String.valueOf(port));
        try {
            Peers.awaitListening(port);
            LaneOutcome up = busy(lanes.runOnce(now.plus(Duration.ofHours(1))));
            assertThat(up.kind()).isEqualTo(LaneOutcome.Kind.DELIVERED);
        } finally {
            Peers.stop(scp);
        }
        assertThat(rig.transactions.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.DELIVERED);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.count()).isEqualTo(3);
        }
        assertThat(rig.audited("dicom.deliver")).singleElement().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.event().detail()).contains("sent=3/3 failed=0");
        });
    }

    /** The one lane that did something, or null when all were idle. */
    private static LaneOutcome busy(List<LaneOutcome> outcomes) {
        List<LaneOutcome> b = outcomes.stream().filter(o -> o.kind() != LaneOutcome.Kind.IDLE).toList();
        assertThat(b).hasSizeLessThanOrEqualTo(1);
        return b.isEmpty() ? null : b.get(0);
    }
}
