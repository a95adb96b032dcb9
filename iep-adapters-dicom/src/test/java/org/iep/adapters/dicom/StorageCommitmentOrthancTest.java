package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Node;
import org.iep.api.transaction.Party;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage commitment after a delivery, with Orthanc 1.10 as the commitment SCP: it answers the N-ACTION and
 * reports on a new association to the AE title its DicomModalities give for us, which our {@link DicomReceiver}
 * takes and hands to the waiting delivery. All committed: Delivered. An instance Orthanc acknowledged but no longer
 * holds (a Lua script deletes it as it arrives): listed as failed, the transaction stays Downloading, the job retries.
 */
class StorageCommitmentOrthancTest {
    static final String DELETED = "1.2.826.0.1.3680043.8.498.771";

    @TempDir
    Path tmp;

    CoreRig rig;
    OrthancPeer orthanc;
    DicomReceiver receiver;
    OutboundLanes lanes;
    Transaction t;

    /** Orthanc knows us as IEP at our receiver; with {@code lua} it runs that script. */
    void start(String lua) throws Exception {
        start(lua, true, Duration.ofSeconds(20));
    }

    void start(String lua, boolean takeReports, Duration wait) throws Exception {
        Peers.require("Orthanc");
        rig = new CoreRig();
        int ourPort = Peers.freePort();
        String more = "\"StorageCommitmentReportsSize\": 100";
        if (!lua.isEmpty()) {
            Path script = tmp.resolve("delete.lua");
            Files.writeString(script, lua);
            // Orthanc runs a Lua Delete() as a job; one job at a time keeps it ahead of the later commitment job
            more += ", \"LuaScripts\": [\"" + script + "\"], \"ConcurrentJobs\": 1";
        }
        orthanc = OrthancPeer.start(tmp, "ORTHANC_C", List.of(Peers.node("iep", "IEP", ourPort)), more);
        Node node = orthanc.node();
        rig.nodes.put(node);
        DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                .withStorageCommitment("ORTHANC_C", wait), rig.blobs);
        receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", ourPort, List.of(node), 20),
                rig.core.ingest(), gateway.retrievals(), Optional.empty(), rig.auditor,
                takeReports ? Optional.of(gateway.commitments()) : Optional.empty());
        t = rig.insert(Transactions.transfer(7).status(TransactionStatus.DOWNLOAD_REQUEST)
                .destination(Optional.of(node.id())).studies(List.of()).build());
        IngestSource source = new IngestSource(new Party.System("test"), ClientInfo.INTERNAL, "MODALITY");
        for (Path f : List.of(Peers.copyWithUid(tmp, DELETED), Peers.CORPUS.resolve("CT_small.dcm"),
                Peers.copyWithUid(tmp, "1.2.826.0.1.3680043.8.498.772"))) {
            try (var in = Files.newInputStream(f)) {
                rig.core.ingest().ingest(t.id(), in, source);
            }
        }
        lanes = new OutboundLanes(rig.jobs, rig.transactions, rig.directory, new DeliveryLanes(IepPolicy.DEFAULT),
                new DicomDeliveryHandler(gateway, rig.nodes, rig.index, rig.core.transactions(), rig.auditor));
    }

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
    void aDeliveryIsDoneWhenOrthancCommitsEveryInstanceItAcknowledged() throws Exception {
        start("");
        Instant now = Instant.now();
        new DeliveryJobs(rig.jobs, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .enqueue(rig.transactions.find(t.id()).orElseThrow());
        LaneOutcome run = Peers.onlyBusyLane(lanes.runOnce(now));
        assertThat(run.kind()).as(run.detail()).isEqualTo(LaneOutcome.Kind.DELIVERED);
        assertThat(rig.transactions.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.DELIVERED);
        assertThat(orthanc.instances()).isEqualTo(3);
        assertThat(rig.audited("dicom.commit")).singleElement().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.event().detail()).isEqualTo("node=ORTHANC_C committed=3/3 failed=0");
        });
    }

    @Test
    void anInstanceOrthancDoesNotHoldIsListedAndTheDeliveryIsNotDone() throws Exception {
        start("function OnStoredInstance(instanceId, tags, metadata, origin)\n"
                + "  if tags['SOPInstanceUID'] == '" + DELETED + "' then\n"
                + "    Delete(instanceId)\n"
                + "  end\n"
                + "end\n");
        Instant now = Instant.now();
        new DeliveryJobs(rig.jobs, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .enqueue(rig.transactions.find(t.id()).orElseThrow());
        LaneOutcome run = Peers.onlyBusyLane(lanes.runOnce(now));
        assertThat(run.kind()).as(run.detail()).isEqualTo(LaneOutcome.Kind.RETRYING);
        assertThat(run.detail()).contains("IEP-5810", DELETED);
        assertThat(rig.transactions.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.DOWNLOADING);
        assertThat(rig.audited("dicom.deliver")).singleElement()
                .satisfies(r -> assertThat(r.event().detail()).contains("sent=3/3 failed=0"));
        assertThat(rig.audited("dicom.commit")).singleElement().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.event().detail()).isEqualTo("node=ORTHANC_C committed=2/3 failed=1 [" + DELETED
                    + "=0x0112]");
        });
    }

    /** Orthanc reports on a new association: when our SCP does not take reports, none comes and the job retries. */
    @Test
    void withoutOurScpTakingTheReportTheWaitEndsInARetryableTimeout() throws Exception {
        start("", false, Duration.ofSeconds(2));
        Instant now = Instant.now();
        new DeliveryJobs(rig.jobs, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .enqueue(rig.transactions.find(t.id()).orElseThrow());
        LaneOutcome run = Peers.onlyBusyLane(lanes.runOnce(now));
        assertThat(run.kind()).as(run.detail()).isEqualTo(LaneOutcome.Kind.RETRYING);
        assertThat(run.detail()).contains("IEP-5811", "no storage commitment report");
        assertThat(rig.transactions.find(t.id()).orElseThrow().status()).isEqualTo(TransactionStatus.DOWNLOADING);
        assertThat(rig.audited("dicom.commit")).singleElement().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.event().detail()).startsWith("node=ORTHANC_C asked=3 IEP-5811");
        });
    }
}
