package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iep.api.directory.Node;
import org.iep.api.spi.TransferOutcome;
import org.iep.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed studies by C-GET from dcmqrscp, which never converts what it sends: each instance must find an accepted
 * context in the syntax it is held in, or it is a failed sub-operation.
 */
class CGetContextsTest {
    private static final String UID_ROOT = "1.2.826.0.1.3680043.8.498.77";
    private static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";
    private static final String JPEG_LS = "1.2.840.10008.1.2.4.80";
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";

    @TempDir
    Path tmp;

    /**
     * dcmqrscp, which does not convert, holding a study in JPEG Lossless SV1, JPEG-LS lossless or deflated explicit
     * LE and told to prefer that syntax: the C-GET brings both instances in the syntax held, pixel data (every
     * fragment) byte-identical and data sets identical by dcmdump. (RLE: CGetFaultsTest.)
     */
    @Test
    void aJpegLosslessStudyArrivesAsHeld() throws Exception {
        assertArrivesAsHeld(JPEG_LOSSLESS, "+xs", "dcmcjpeg", "+e1");
    }

    @Test
    void aJpegLsStudyArrivesAsHeld() throws Exception {
        assertArrivesAsHeld(JPEG_LS, "+xt", "dcmcjpls", "+el");
    }

    @Test
    void aDeflatedStudyArrivesAsHeld() throws Exception {
        assertArrivesAsHeld(DEFLATED, "+xd", "dcmconv", "+td");
    }

    private void assertArrivesAsHeld(String syntax, String preference, String tool, String... toolOptions)
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Map<String, Path> files = new LinkedHashMap<>();
        for (String uid : List.of(".1", ".2")) {
            files.put(UID_ROOT + uid, converted(dir, uid, tool, toolOptions));
        }
        CoreRig rig = new CoreRig();
        assertThat(retrieve(rig, List.copyOf(files.values()), preference)).isEqualTo(new TransferOutcome(2, 0, 0));
        List<Path> stored = rig.export(tmp.resolve("stored"));
        assertThat(stored).hasSize(2);
        for (Path original : files.values()) {
            Path copy = Peers.storedCopy(stored, original);
            assertThat(DicomReader.read(original).transferSyntax().uid()).isEqualTo(syntax);
            assertThat(DicomReader.read(copy).transferSyntax().uid()).as("transfer syntax kept").isEqualTo(syntax);
            assertThat(rig.index.find(rig.transfer.id(), Peers.value(original, "0008,0018")).orElseThrow()
                    .transferSyntaxUid()).as("indexed transfer syntax").isEqualTo(syntax);
            assertThat(pixelData(copy)).as("pixel data").isEqualTo(pixelData(original)).isNotEmpty();
        }
        Peers.assertStoredUnchanged(List.copyOf(files.values()), stored);
    }

    private TransferOutcome retrieve(CoreRig rig, List<Path> files, String... options) throws Exception {
        Peers.require("dcmqrscp");
        Path db = Files.createDirectories(tmp.resolve("db-" + System.nanoTime()));
        List<String> index = new ArrayList<>(List.of("dcmqridx", db.toString()));
        files.forEach(f -> index.add(f.toString()));
        Peers.run(index.toArray(String[]::new));
        int port = Peers.freePort();
        Node pacs = Peers.node("pacs", "PACS", port);
        DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                .withRetrieveByCGet(Set.of(pacs.id())), rig.blobs, rig.core.ingest(), rig.auditor);
        Process scp = Peers.dcmqrscp(tmp, port, db, options);
        try {
            return gateway.retrieveInto(rig.transfer.id(), pacs,
                    Peers.value(files.get(0), "0020,000d"));
        } finally {
            Peers.stop(scp);
        }
    }



    /** CT_small with SOP Instance UID {@code UID_ROOT + uidSuffix}, converted by a dcmtk tool. */
    private static Path converted(Path dir, String uidSuffix, String tool, String... options) throws Exception {
        Peers.require(tool);
        Path source = dir.resolve("source" + uidSuffix + ".dcm");
        Files.copy(Peers.CORPUS.resolve("CT_small.dcm"), source);
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=" + UID_ROOT + uidSuffix, source.toString());
        Path out = dir.resolve(tool + uidSuffix + ".dcm");
        List<String> cmd = new ArrayList<>(List.of(tool));
        cmd.addAll(List.of(options));
        cmd.add(source.toString());
        cmd.add(out.toString());
        Peers.run(cmd.toArray(String[]::new));
        return out;
    }


    /** The pixel data as dcmdump +W writes it: one file per fragment (or one for native pixel data), in order. */
    private List<String> pixelData(Path file) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pixels-" + System.nanoTime()));
        Peers.run("dcmdump", "+W", dir.toString(), file.toString());
        List<String> items = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                items.add(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(p))) + " " + Files.size(p));
            }
        }
        return items;
    }
}
