package org.iep.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iep.dicom.Corpus;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.Part10FileStore;
import org.iep.dicom.net.dimse.ServerConfig;
import org.iep.dicom.tool.ToolRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our SCU against dcmtk's SCP and dcmtk's SCU against our SCP, on 127.0.0.1 free ports. */
class DcmtkInteropTest {

    static final List<String> FILES = List.of("CT_small.dcm", "ExplVR_BigEnd.dcm", "JPEG2000.dcm",
            "MR_small_RLE.dcm", "SC_rgb_jpeg_gdcm.dcm", "image_dfl.dcm");
    /** What dcmtk's storescu sends with each proposal option (it offers a compressed syntax only when told). */
    static final Map<String, List<String>> DCMTK_SENDS = Map.of(
            "-xs", List.of("CT_small.dcm", "ExplVR_BigEnd.dcm", "SC_rgb_jpeg_gdcm.dcm"),
            "-xr", List.of("MR_small_RLE.dcm"),
            "-xv", List.of("GDCMJ2K_TextGBR.dcm"));

    @TempDir
    Path tmp;

    @BeforeAll
    static void dcmtkPresent() {
        org.iep.dicom.ExternalTool.require("storescp");
    }

    @Test
    void ourEchoscuAndStorescuToDcmtkStorescp() throws Exception {
        int port = Peers.freePort();
        Path out = Files.createDirectories(tmp.resolve("dcmtk-out"));
        Process scp = Peers.start(tmp, "storescp", "-aet", "DCMTKSCP", "-od", out.toString(), "+xa", "-fe", ".dcm",
                String.valueOf(port));
        try {
            Peers.awaitListening(port);
            ToolRun echo = ToolRun.of("echoscu", "--aet", "IEPSCU", "--called", "DCMTKSCP", "--host", "127.0.0.1",
                    "--port", String.valueOf(port));
            assertThat(echo.exit()).as(echo.err()).isZero();
            assertThat(echo.out()).contains("success");
            List<String> args = new ArrayList<>(List.of("storescu", "--aet", "IEPSCU", "--called", "DCMTKSCP",
                    "--host", "127.0.0.1", "--port", String.valueOf(port)));
            for (String f : FILES) {
                args.add(Corpus.file(f).toString());
            }
            ToolRun store = ToolRun.of(args.toArray(String[]::new));
            assertThat(store.exit()).as(store.err()).isZero();
            assertSameDataSets(out, FILES);
        } finally {
            Peers.stop(scp);
        }
    }

    @Test
    void dcmtkEchoscuAndStorescuToOurStorescp() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("iep-out"));
        try (DicomServer server = DicomServer.start(ServerConfig.storage("IEPSCP", new Part10FileStore(out)),
                InetAddress.getLoopbackAddress(), 0)) {
            String port = String.valueOf(server.port());
            Peers.Result echo = Peers.run("echoscu", "-aet", "DCMTK", "-aec", "IEPSCP", "127.0.0.1", port);
            assertThat(echo.exit()).as(echo.output()).isZero();
            List<String> sent = new ArrayList<>();
            for (Map.Entry<String, List<String>> proposal : DCMTK_SENDS.entrySet()) {
                List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "DCMTK", "-aec", "IEPSCP",
                        proposal.getKey(), "127.0.0.1", port));
                for (String f : proposal.getValue()) {
                    cmd.add(Corpus.file(f).toString());
                }
                Peers.Result store = Peers.run(cmd.toArray(String[]::new));
                assertThat(store.exit()).as(store.output()).isZero();
                sent.addAll(proposal.getValue());
            }
            assertSameDataSets(out, sent);
            // the wrong called AE title is rejected
            Peers.Result wrong = Peers.run("echoscu", "-aet", "DCMTK", "-aec", "OTHER", "127.0.0.1", port);
            assertThat(wrong.exit()).isNotZero();
            assertThat(wrong.output()).containsIgnoringCase("Called AE Title Not Recognized");
        }
    }

    /** Every received file's data set dumps exactly like one of the sent files'. */
    private static void assertSameDataSets(Path dir, List<String> files) throws Exception {
        List<Path> received;
        try (Stream<Path> s = Files.list(dir)) {
            received = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertThat(received).hasSize(files.size());
        List<List<String>> sent = new ArrayList<>();
        for (String f : files) {
            sent.add(Peers.dumpDataSet(Corpus.file(f)));
        }
        for (Path r : received) {
            List<String> dump = Peers.dumpDataSet(r);
            assertThat(dump).hasSizeGreaterThan(5);
            assertThat(sent).as("data set of " + r.getFileName()).contains(dump);
        }
    }
}
