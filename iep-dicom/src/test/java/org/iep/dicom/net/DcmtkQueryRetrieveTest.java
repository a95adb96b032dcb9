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
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.MoveHandler;
import org.iep.dicom.net.dimse.Part10FileStore;
import org.iep.dicom.net.dimse.ServerConfig;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.tool.ToolRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C-FIND, C-MOVE and C-GET both ways: our findscu / movescu / getscu against dcmtk's dcmqrscp (its database filled
 * with dcmqridx), and dcmtk's findscu / movescu / getscu against our server over a directory of the same files.
 * Received instances are compared with the originals data set by data set (dcmdump).
 */
class DcmtkQueryRetrieveTest {
    static final String CT = "CT_small.dcm";
    static final String MR = "MR_small.dcm";
    static final String CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    static final String MR_STUDY = "1.3.6.1.4.1.5962.1.2.4.20040826185059.5457";

    @TempDir
    Path tmp;

    @BeforeAll
    static void dcmtkPresent() {
        org.iep.dicom.ExternalTool.require("dcmqrscp");
        org.iep.dicom.ExternalTool.require("dcmqridx");
        org.iep.dicom.ExternalTool.require("getscu");
    }

    @Test
    void ourFindMoveGetAgainstDcmqrscp() throws Exception {
        Path received = Files.createDirectories(tmp.resolve("moved"));
        try (DicomServer store = DicomServer.start(ServerConfig.storage("IEPSTORE", new Part10FileStore(received)),
                InetAddress.getLoopbackAddress(), 0)) {
            int port = Peers.freePort();
            Process qr = startDcmqrscp(port, store.port());
            try {
                Peers.awaitListening(port);
                String[] peer = {"--aet", "IEPSCU", "--called", "DCMQRSCP", "--host", "127.0.0.1", "--port",
                        String.valueOf(port)};
                ToolRun find = ToolRun.of(concat(new String[] {"findscu"}, peer, "-L", "STUDY", "-k",
                        "0010,0020=1CT1", "-k", "StudyInstanceUID", "-k", "PatientName"));
                assertThat(find.exit()).as(find.err()).isZero();
                assertThat(find.out()).contains("1 matches, status 0x0000").contains(CT_STUDY)
                        .doesNotContain(MR_STUDY);

                ToolRun move = ToolRun.of(concat(new String[] {"movescu"}, peer, "--dest", "IEPSTORE", "-L", "STUDY",
                        "-k", "0020,000D=" + CT_STUDY));
                assertThat(move.exit()).as(move.err() + move.out()).isZero();
                assertThat(move.out()).contains("completed 1, failed 0");
                assertSameDataSets(received, List.of(CT));

                Path got = tmp.resolve("got");
                ToolRun get = ToolRun.of(concat(new String[] {"getscu"}, peer, "--dir", got.toString(), "-L",
                        "STUDY", "-k", "StudyInstanceUID=" + MR_STUDY));
                assertThat(get.exit()).as(get.err() + get.out()).isZero();
                assertThat(get.out()).contains("completed 1, failed 0");
                assertSameDataSets(got, List.of(MR));

                ToolRun unknown = ToolRun.of(concat(new String[] {"movescu"}, peer, "--dest", "NOBODY", "-k",
                        "0020,000D=" + CT_STUDY));
                assertThat(unknown.exit()).isEqualTo(1);
                assertThat(unknown.err()).contains("status 0xA801");
            } finally {
                Peers.stop(qr);
            }
        }
    }

    @Test
    void dcmtkFindMoveGetAgainstOurServer() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        Files.copy(Corpus.file(CT), archive.resolve("a.dcm"));
        Files.copy(Corpus.file(MR), archive.resolve("b.dcm"));
        int movePort = Peers.freePort();
        DirectoryArchive handler = new DirectoryArchive(archive,
                Map.of("DCMTKDEST", new MoveHandler.Destination("127.0.0.1", movePort)));
        ServerConfig config = ServerConfig.storage("IEPQR", null).withFind(handler).withMove(handler)
                .withGet(handler);
        try (DicomServer server = DicomServer.start(config, InetAddress.getLoopbackAddress(), 0)) {
            String port = String.valueOf(server.port());
            Peers.Result find = Peers.run("findscu", "-v", "-S", "-aet", "DCMTK", "-aec", "IEPQR", "-k",
                    "0008,0052=STUDY", "-k", "0010,0020=4MR1", "-k", "0020,000D", "-k", "0010,0010", "127.0.0.1",
                    port);
            assertThat(find.exit()).as(find.output()).isZero();
            assertThat(find.output()).contains(MR_STUDY).doesNotContain(CT_STUDY).contains("Success");

            Path moved = Files.createDirectories(tmp.resolve("dcmtk-moved"));
            Peers.Result move = Peers.run("movescu", "-S", "-aet", "DCMTK", "-aec", "IEPQR", "-aem", "DCMTKDEST",
                    "--port", String.valueOf(movePort), "-od", moved.toString(), "-k", "0008,0052=STUDY", "-k",
                    "0020,000D=" + CT_STUDY, "127.0.0.1", port);
            assertThat(move.exit()).as(move.output()).isZero();
            assertSameDataSets(moved, List.of(CT));

            Path got = Files.createDirectories(tmp.resolve("dcmtk-got"));
            Peers.Result get = Peers.run("getscu", "-S", "-aet", "DCMTK", "-aec", "IEPQR", "-od", got.toString(),
                    "-k", "0008,0052=STUDY", "-k", "0020,000D=" + MR_STUDY, "127.0.0.1", port);
            assertThat(get.exit()).as(get.output()).isZero();
            assertSameDataSets(got, List.of(MR));

            Peers.Result unknown = Peers.run("movescu", "-v", "-S", "-aet", "DCMTK", "-aec", "IEPQR", "-aem",
                    "NOBODY", "-k", "0008,0052=STUDY", "-k", "0020,000D=" + CT_STUDY, "127.0.0.1", port);
            assertThat(unknown.output()).contains("Refused: MoveDestinationUnknown");
        }
    }

    @Test
    void getWithPendingCountsAndCancel() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        for (int i = 0; i < 12; i++) {
            Files.copy(Corpus.file(MR), archive.resolve("mr" + i + ".dcm"));
        }
        DirectoryArchive handler = new DirectoryArchive(archive, Map.of());
        ServerConfig config = ServerConfig.storage("IEPQR", null).withGet(handler);
        Attributes keys = new Attributes();
        keys.setString(DirectoryArchive.LEVEL, VR.CS, "STUDY");
        keys.setString(0x0020000D, VR.UI, MR_STUDY);
        try (DicomServer server = DicomServer.start(config, InetAddress.getLoopbackAddress(), 0)) {
            Path all = Files.createDirectories(tmp.resolve("all"));
            List<DimseClient.Progress> seen = new ArrayList<>();
            try (DimseClient c = getClient(server)) {
                DimseClient.RetrieveResult r = c.get(DimseClient.STUDY_ROOT_GET, keys, new Part10FileStore(all),
                        seen::add);
                assertThat(r.status()).isEqualTo(Status.SUCCESS);
                assertThat(r.completed()).isEqualTo(12);
                assertThat(r.failed()).isZero();
            }
            // a pending response after every sub-operation but the last, remaining counting down
            assertThat(seen).extracting(DimseClient.Progress::remaining).containsExactly(11, 10, 9, 8, 7, 6, 5, 4,
                    3, 2, 1);
            assertThat(seen).extracting(DimseClient.Progress::completed).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9,
                    10, 11);
            assertThat(count(all)).isEqualTo(12);

            Path some = Files.createDirectories(tmp.resolve("some"));
            try (DimseClient c = getClient(server)) {
                DimseClient.RetrieveResult r = c.get(DimseClient.STUDY_ROOT_GET, keys, new Part10FileStore(some),
                        p -> false);
                assertThat(r.status()).isEqualTo(Status.CANCEL);
                // the C-CANCEL follows the first pending response; at most the sub-operation in flight completes
                assertThat(r.completed()).isBetween(1, 2);
                assertThat(count(some)).isEqualTo(r.completed());
                // the association survives the cancel: the next C-GET on it brings everything
                Path again = Files.createDirectories(tmp.resolve("again"));
                DimseClient.RetrieveResult r2 = c.get(DimseClient.STUDY_ROOT_GET, keys, new Part10FileStore(again),
                        p -> true);
                assertThat(r2.completed()).isEqualTo(12);
                assertThat(count(again)).isEqualTo(12);
            }
        }
    }

    private static DimseClient getClient(DicomServer server) {
        return DimseClient.connectForGet("127.0.0.1", server.port(), "IEPSCU", "IEPQR",
                List.of(DimseClient.STUDY_ROOT_GET), List.of("1.2.840.10008.5.1.4.1.1.4"),
                DimseClient.UNCOMPRESSED, NetOptions.defaults());
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).count();
        }
    }

    private Process startDcmqrscp(int port, int storePort) throws Exception {
        Path db = Files.createDirectories(tmp.resolve("db"));
        List<String> idx = new ArrayList<>(List.of("dcmqridx", db.toString()));
        for (String f : List.of(CT, MR)) {
            Path copy = db.resolve(f);
            Files.copy(Corpus.file(f), copy);
            idx.add(copy.toString());
        }
        Peers.Result indexed = Peers.run(idx.toArray(String[]::new));
        assertThat(indexed.exit()).as(indexed.output()).isZero();
        Path cfg = tmp.resolve("dcmqrscp.cfg");
        Files.writeString(cfg, String.join("\n",
                "NetworkTCPPort = " + port,
                "MaxPDUSize = 16384",
                "MaxAssociations = 16",
                "HostTable BEGIN",
                "iepstore = (IEPSTORE, 127.0.0.1, " + storePort + ")",
                "HostTable END",
                "VendorTable BEGIN",
                "VendorTable END",
                "AETable BEGIN",
                "DCMQRSCP " + db + " R (10, 100mb) ANY",
                "AETable END", ""));
        // forking mode: in single-process mode (-s) this dcmqrscp build ends after its first association
        return Peers.start(tmp, "dcmqrscp", "-c", cfg.toString(), String.valueOf(port));
    }

    private static String[] concat(String[] a, String[] b, String... c) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        all.addAll(List.of(c));
        return all.toArray(String[]::new);
    }

    /** Every received file's data set dumps exactly like one of the sent files', and there are as many. */
    static void assertSameDataSets(Path dir, List<String> files) throws Exception {
        List<Path> received;
        try (Stream<Path> s = Files.list(dir)) {
            received = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".part")).sorted().toList();
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
