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
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    /** Study root query/retrieve SOP classes, as dcmtk's configuration file wants them (UIDs, not names). */
    private static final class DimseClientUids {
        static final String GET = org.iep.dicom.net.dimse.DimseClient.STUDY_ROOT_GET;
        static final String FIND = org.iep.dicom.net.dimse.DimseClient.STUDY_ROOT_FIND;
    }

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

    /**
     * dcmqrscp preferring JPEG Lossless (+xs) holds one CT uncompressed and one in JPEG Lossless. It accepts JPEG
     * Lossless in every CT context we offer, sends both instances on one (dcmtk picks by SOP class) and fails the
     * uncompressed one, which it cannot compress. That instance is asked for again at image level with uncompressed
     * contexts only: both arrive as held, 2 completed, 0 failed.
     */
    @Test
    void aStudyHeldInTwoSyntaxesArrivesWholeFromAPeerThatPrefersCompressed() throws Exception {
        assertMixedStudyArrivesWhole("+xs", 2);
    }

    /**
     * dcmqrscp configured (association profile) to accept CT in explicit and implicit LE, JPEG Lossless, JPEG-LS and
     * RLE, holding one CT in each of the first four of these syntaxes but implicit. It accepts explicit LE on the
     * context offering every syntax and sends all four on it (dcmtk prefers uncompressed), failing the 3 compressed
     * ones; asked again with uncompressed contexts only it fails them again; then one compressed family at a time
     * brings JPEG Lossless (pass 3), JPEG-LS (pass 5, JPEG lossy in pass 4 finds none) and RLE (pass 7, after JPEG
     * 2000). 4 completed, 0 failed, each stored in the syntax held, pixel data byte-identical.
     */
    @Test
    void aStudyInFourSyntaxesArrivesWholeFromAPeerThatPrefersUncompressedAndCannotConvert() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Map<String, Path> files = new LinkedHashMap<>();
        Path plain = dir.resolve("plain.dcm");
        Files.copy(Peers.CORPUS.resolve("CT_small.dcm"), plain);
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=" + UID_ROOT + ".1", plain.toString());
        files.put("1.2.840.10008.1.2.1", plain);
        files.put(JPEG_LOSSLESS, converted(dir, ".2", "dcmcjpeg", "+e1"));
        files.put(JPEG_LS, converted(dir, ".3", "dcmcjpls", "+el"));
        files.put("1.2.840.10008.1.2.5", converted(dir, ".4", "dcmcrle"));
        Path profile = acceptingCt();
        CoreRig rig = new CoreRig();
        assertThat(retrieve(rig, List.copyOf(files.values()), "-xf", profile.toString(), "Get", "Get"))
                .isEqualTo(new TransferOutcome(4, 0, 0));
        List<Path> stored = rig.export(tmp.resolve("stored"));
        assertThat(stored).hasSize(4);
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Path copy = Peers.storedCopy(stored, e.getValue());
            assertThat(DicomReader.read(copy).transferSyntax().uid()).as("transfer syntax").isEqualTo(e.getKey());
            assertThat(pixelData(copy)).as("pixel data in " + e.getKey()).isEqualTo(pixelData(e.getValue()));
        }
        Peers.assertStoredUnchanged(List.copyOf(files.values()), stored);
        List<String> audited = rig.audited("dicom.get").stream().map(r -> r.event().detail()).toList();
        assertThat(audited).hasSize(7);
        assertThat(audited.get(0)).contains("pass=1", "completed=1", "failed=3", "refusedBeforeIngestOrNotSent=3");
        assertThat(audited.get(1)).contains("pass=2", "completed=0", "failed=3");
        assertThat(audited.get(2)).contains("pass=3", "completed=1", "failed=2", "ingested=1");
        assertThat(audited.get(4)).contains("pass=5", "completed=1", "failed=1", "ingested=1");
        assertThat(audited.get(6)).contains("pass=7", "completed=1", "failed=0", "ingested=1");
    }

    /**
     * A dcmqrscp association profile "Get": C-GET and C-FIND in uncompressed syntaxes; CT storage,
     * with the SCP role for us, in explicit and implicit LE, JPEG Lossless, JPEG-LS and RLE.
     */
    private Path acceptingCt() throws Exception {
        Path profile = tmp.resolve("accept-ct.cfg");
        Files.writeString(profile, String.join("\n", "[[TransferSyntaxes]]", "[Uncompressed]",
                "TransferSyntax1 = 1.2.840.10008.1.2.1", "TransferSyntax2 = 1.2.840.10008.1.2", "[Any]",
                "TransferSyntax1 = 1.2.840.10008.1.2.1", "TransferSyntax2 = 1.2.840.10008.1.2",
                "TransferSyntax3 = " + JPEG_LOSSLESS, "TransferSyntax4 = " + JPEG_LS,
                "TransferSyntax5 = 1.2.840.10008.1.2.5", "[[PresentationContexts]]", "[Get]",
                "PresentationContext1 = " + DimseClientUids.GET + "\\Uncompressed",
                "PresentationContext2 = " + CT + "\\Any",
                "PresentationContext3 = " + DimseClientUids.FIND + "\\Uncompressed",
                "[[SCPSCURoleSelection]]", "[GetRoles]",
                "Role1 = " + CT + "\\SCP", "[[Profiles]]", "[Get]", "PresentationContexts = Get",
                "SCPSCURoleSelection = GetRoles", ""));
        return profile;
    }

    private void assertMixedStudyArrivesWhole(String preference, int arrivingPass) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Path plain = dir.resolve("plain.dcm");
        Files.copy(Peers.CORPUS.resolve("CT_small.dcm"), plain);
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=" + UID_ROOT + ".1", plain.toString());
        Path jpeg = converted(dir, ".2", "dcmcjpeg", "+e1");
        CoreRig rig = new CoreRig();
        assertThat(retrieve(rig, List.of(plain, jpeg), preference)).isEqualTo(new TransferOutcome(2, 0, 0));
        List<Path> stored = rig.export(tmp.resolve("stored"));
        assertThat(stored).hasSize(2);
        Peers.assertStoredUnchanged(List.of(plain, jpeg), stored);
        assertThat(DicomReader.read(Peers.storedCopy(stored, jpeg)).transferSyntax().uid()).isEqualTo(JPEG_LOSSLESS);
        assertThat(pixelData(Peers.storedCopy(stored, jpeg))).isEqualTo(pixelData(jpeg));
        List<String> audited = rig.audited("dicom.get").stream().map(r -> r.event().detail()).toList();
        assertThat(audited).hasSize(arrivingPass);
        assertThat(audited.get(0)).contains("pass=1", "completed=1", "failed=1", "ingested=1",
                "refusedBeforeIngestOrNotSent=1");
        assertThat(audited.get(arrivingPass - 1)).contains("pass=" + arrivingPass, "completed=1", "failed=0",
                "ingested=1");
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
        Path db = Peers.dcmqrDatabase(tmp, files);
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
