package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Node;
import org.iep.api.content.IndexedInstance;
import org.iep.api.spi.TransferOutcome;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.IngestSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a C-GET's caller learns about sub-operations our side refuses, against dcmtk's dcmqrscp: both kinds of
 * refusal in one retrieve (by iep-dicom before any handler, by the core's ingest), the final status and counters,
 * and the audit trail. {@link CGetFaultsTest} covers a drop mid-retrieve and compressed studies.
 */
class CGetRefusalsTest {
    private static final String UID_ROOT = "1.2.826.0.1.3680043.8.498.";

    @TempDir
    Path tmp;

    /**
     * The PACS holds 4 instances of a study: 2 new ones, one whose SOP Instance UID the transaction already holds
     * with other content, and one whose UID holds {@code ../}. The 2 new are stored; the other 2 are failed
     * sub-operations in the final counters (PS3.4 C.4.3.1.3: Warning B000, Completed 2, Failed 2), nothing of
     * them is kept, and both refusals are audited.
     */
    @Test
    void refusedSubOperationsAreCountedFailedKeptOutAndAudited() throws Exception {
        Peers.require("dcmqrscp");
        CoreRig rig = new CoreRig();
        Path ct = Peers.CORPUS.resolve("CT_small.dcm");
        // the transaction already holds CT_small's UID with other content
        Path other = copy(ct, "other.dcm");
        Peers.run("dcmodify", "-nb", "-i", "(0020,4000)=a different version", other.toString());
        try (InputStream in = Files.newInputStream(other)) {
            rig.core.ingest().ingest(rig.transfer.id(), in, new IngestSource(PeerCheck.LISTENER,
                    ClientInfo.INTERNAL, "EARLIER"));
        }
        IndexedInstance before = rig.index.byTransaction(rig.transfer.id()).get(0);
        Path hostile = withUid(ct, "1.2.3/../4");
        List<Path> files = List.of(ct, hostile, withUid(ct, UID_ROOT + "71"), withUid(ct, UID_ROOT + "72"));

        Path db = Peers.dcmqrDatabase(tmp, files);
        int port = Peers.freePort();
        Node pacs = Peers.node("pacs", "PACS", port);
        DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                .withRetrieveByCGet(Set.of(pacs.id())), rig.blobs, rig.core.ingest(), rig.auditor);
        Process scp = Peers.dcmqrscp(tmp, port, db);
        try {
            TransferOutcome o = gateway.retrieveInto(rig.transfer.id(), pacs, Peers.value(ct, "0020,000d"));
            assertThat(o).isEqualTo(new TransferOutcome(2, 2, 0));
        } finally {
            Peers.stop(scp);
        }

        var stored = rig.index.byTransaction(rig.transfer.id());
        assertThat(stored).extracting(IndexedInstance::sopInstanceUid).containsExactlyInAnyOrder(
                Peers.value(ct, "0008,0018"), UID_ROOT + "71", UID_ROOT + "72");
        assertThat(stored).filteredOn(i -> i.sopInstanceUid().equals(before.sopInstanceUid())).singleElement()
                .isEqualTo(before); // not replaced
        assertThat(rig.audited("instance.store")).filteredOn(r -> r.event().outcome() == Outcome.DENIED)
                .singleElement().satisfies(r -> assertThat(r.event().detail())
                        .contains(before.sopInstanceUid(), "already stored with other content"));
        AuditRecord get = rig.audited("dicom.get").stream().reduce((a, b) -> b).orElseThrow();
        assertThat(get.event().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(get.event().detail()).contains("status=0xB000", "completed=2", "failed=2", "warning=0",
                "ingested=2", "refusedByIngest=1", "refusedBeforeIngestOrNotSent=1");
        assertThat(rig.audited("dicom.get")).as("the peer's Failed SOP Instance UID List")
                .anySatisfy(r -> assertThat(r.event().detail()).contains("failedInstances=2", before.sopInstanceUid()));
        assertThat(rig.audited("dicom.get")).filteredOn(r -> r.event().outcome() == Outcome.DENIED)
                .as("the hostile UID, refused before ingest, audited on its own").singleElement()
                .satisfies(r -> assertThat(r.event().detail()).contains("sub-operation refused", "/../"));
        // nothing of the refused two is left behind: one blob per indexed instance
        assertThat(rig.blobs.list(org.iep.core.ingest.Ingest.TRANSACTIONS)).hasSize(3);
    }

    private Path copy(Path from, String name) throws Exception {
        Path f = tmp.resolve(name);
        Files.copy(from, f);
        return f;
    }

    private Path withUid(Path from, String uid) throws Exception {
        Path f = copy(from, "copy-" + uid.replaceAll("[^0-9.]", "_") + ".dcm");
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=" + uid, f.toString());
        return f;
    }
}
