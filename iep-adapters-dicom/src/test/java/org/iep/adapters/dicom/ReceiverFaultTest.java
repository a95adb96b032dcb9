package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.iep.api.spi.BlobKey;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.CommandSet;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.pdu.PresentationContext;
import org.junit.jupiter.api.Test;

/** A peer dropping mid C-STORE: ingest keeps nothing of the instance, and the SCP takes the next one. */
class ReceiverFaultTest {

    @Test
    void anAbortMidDataSetLeavesNothingAndTheNextAssociationStores() throws Exception {
        CoreRig rig = new CoreRig();
        var file = Peers.CORPUS.resolve("CT_small.dcm");
        DimseClient.Prepared p = DimseClient.prepare(file);
        try (DicomReceiver receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", 0,
                List.of(Peers.node("modality", "MODALITY", 0)), 20), rig.core.ingest(),
                (ae, sender) -> Optional.of(rig.transfer.id()), rig.auditor)) {
            List<List<String>> ctx = List.of(List.of(p.sopClass(), p.transferSyntax().uid()));
            DimseClient c = DimseClient.connect("127.0.0.1", receiver.port(), "MODALITY", "IEP", ctx,
                    NetOptions.defaults());
            PresentationContext pc = c.association().context(p.sopClass(), List.of(p.transferSyntax().uid()));
            c.association().sendCommand(pc.id(), CommandSet.of(CommandSet.C_STORE_RQ, 1, true)
                    .setString(CommandSet.AFFECTED_SOP_CLASS, p.sopClass()).setUs(CommandSet.PRIORITY, 0)
                    .setString(CommandSet.AFFECTED_SOP_INSTANCE, p.sopInstance()).encode());
            byte[] dataSet;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(p.dataSetOffset());
                dataSet = in.readAllBytes();
            }
            OutputStream out = c.association().dataOutput(pc.id());
            out.write(dataSet, 0, dataSet.length / 2); // more than one PDU goes out, then the peer vanishes
            c.association().abort();

            long end = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < end && rig.audited("dicom.association").isEmpty()) {
                Thread.sleep(20);
            }
            assertThat(rig.audited("dicom.association")).as("the dropped association is audited").isNotEmpty();
            assertThat(rig.index.byTransaction(rig.transfer.id())).isEmpty();
            assertThat(rig.blobs.list(BlobKey.of("tx"))).as("no partial blob").isEmpty();

            try (DimseClient again = DimseClient.connect("127.0.0.1", receiver.port(), "MODALITY", "IEP", ctx,
                    NetOptions.defaults())) {
                assertThat(again.store(p)).isZero();
            }
        }
        assertThat(rig.index.byTransaction(rig.transfer.id())).hasSize(1);
    }
}
