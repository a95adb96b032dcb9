package org.iep.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.iep.api.directory.Node;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.PendingCommitments;
import org.iep.dicom.net.dimse.StorageCommitment;
import org.iep.testkit.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's DICOM SCP on embedded defaults, with dcmtk as the hospitals' PACS: St Elsewhere's PACS echoes and
 * pushes a study under the demo route TO_NTEE; IEP routes it and delivers it to Northtown's PACS (storescp).
 */
class DicomScpAppTest {
    private static final Path CORPUS = Path.of("../../shared/dicom/corpus");

    @TempDir
    Path tmp;

    @Test
    void aStudyPushedUnderTheDemoRouteReachesTheOtherHospitalsPacs() throws Exception {
        AppConfig config = AppConfig.from(Settings.of(Map.of("iep.http.port", "0", "iep.dataDir",
                tmp.resolve("data").toString(), "iep.dicom.stableAge", "PT1S")));
        try (IepApplication app = IepApplication.start(config)) {
            int scp = app.dicomPort().orElseThrow();
            assertThat(run("echoscu", "-aet", "STEE_PACS", "-aec", "IEP", "127.0.0.1", String.valueOf(scp)).exit)
                    .isZero();
            Result stranger = run("echoscu", "-aet", "STRANGER", "-aec", "IEP", "127.0.0.1", String.valueOf(scp));
            assertThat(stranger.exit).isNotZero();
            assertThat(stranger.output).contains("Association Rejected");
            Result nowhere = run("echoscu", "-aet", "STEE_PACS", "-aec", "NOWHERE", "127.0.0.1", String.valueOf(scp));
            assertThat(nowhere.exit).isNotZero();
            assertThat(nowhere.output).contains("Association Rejected");

            int pacsPort = FreePorts.next();
            movePacs(app, "NTEE_PACS", pacsPort);
            Path received = Files.createDirectories(tmp.resolve("received"));
            Process storescp = new ProcessBuilder("storescp", "-aet", "NTEE_PACS", "-od", received.toString(),
                    String.valueOf(pacsPort)).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("storescp.log").toFile()).start();
            try {
                FreePorts.awaitListening(pacsPort); // else the first delivery fails and its retry comes after our wait
                List<String> push = new ArrayList<>(List.of("storescu", "-aet", "STEE_PACS", "-aec", "TO_NTEE",
                        "127.0.0.1", String.valueOf(scp)));
                for (int i = 1; i <= 3; i++) {
                    push.add(instance("1.2.826.0.1.3680043.8.498.66" + i).toString());
                }
                Result pushed = run(push.toArray(String[]::new));
                assertThat(pushed.exit).as(pushed.output).isZero();

                Transaction t = awaitDelivered(app);
                assertThat(t.patient().identifier().id()).isEqualTo("1CT1");
                assertThat(t.studies()).singleElement()
                        .satisfies(s -> assertThat(s.receivedInstances()).isEqualTo(3));
                // each instance's index row, counts and audit record were one commit on the portal's database
                assertThat(app.injector().getInstance(org.iep.api.spi.UnitOfWork.class))
                        .isInstanceOf(org.iep.adapters.jdbc.JdbcUnitOfWork.class);
                assertThat(app.injector().getInstance(org.iep.api.spi.AuditLog.class).query(
                        org.iep.api.audit.AuditQuery.all(500)).stream().filter(r -> r.event().transaction()
                        .equals(t.id().value()) && r.event().action().equals("instance.store"))).hasSize(3);

                // the sending PACS asks the portal to commit what it pushed, and one instance it never sent
                String ct = "1.2.840.10008.5.1.4.1.1.2";
                List<StorageCommitment.Ref> asked = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    asked.add(new StorageCommitment.Ref(ct, "1.2.826.0.1.3680043.8.498.66" + i));
                }
                asked.add(new StorageCommitment.Ref(ct, "1.2.826.0.1.3680043.8.498.404"));
                StorageCommitment.Result committed;
                try (DimseClient c = DimseClient.connectForCommitment("127.0.0.1", scp, "STEE_PACS", "IEP",
                        NetOptions.defaults())) {
                    committed = c.commit(new StorageCommitment.Request("2.25.4242", asked), new PendingCommitments(4),
                            java.time.Duration.ofSeconds(60));
                }
                assertThat(committed.committed()).containsExactlyElementsOf(asked.subList(0, 3));
                assertThat(committed.failed()).singleElement().satisfies(f -> assertThat(f.reason())
                        .isEqualTo(StorageCommitment.NO_SUCH_OBJECT_INSTANCE));
            } finally {
                storescp.destroy();
                storescp.waitFor();
            }
            try (Stream<Path> files = Files.list(received)) {
                assertThat(files.map(p -> p.getFileName().toString())).hasSize(3)
                        .allMatch(n -> n.contains("1.2.826.0.1.3680043.8.498.66"));
            }
        }
    }

    private static Transaction awaitDelivered(IepApplication app) throws InterruptedException {
        TransactionStore store = app.injector().getInstance(TransactionStore.class);
        TransactionQuery direct = new TransactionQuery(Optional.empty(), Set.of(),
                Set.of(TransactionType.DIRECT_ROUTING), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 10);
        List<Transaction> found = List.of();
        for (int i = 0; i < 600; i++) {
            found = store.query(direct);
            if (found.size() == 1 && found.get(0).status() == TransactionStatus.DELIVERED) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pushed study was not delivered within 60 s: " + found.stream()
                .map(t -> t.tracking() + " " + t.status() + " " + t.statusReason()).toList());
    }

    /** Demo data puts the PACS on a fixed port; the test's storescp listens on a free one. */
    private static void movePacs(IepApplication app, String ae, int port) {
        NodeStore nodes = app.injector().getInstance(NodeStore.class);
        Node n = app.injector().getInstance(DirectoryStore.class).institutions().stream()
                .flatMap(i -> nodes.owned(i.id()).stream()).filter(x -> x.aeTitle().equals(ae)).findFirst()
                .orElseThrow();
        nodes.put(new Node(n.id(), n.owner(), n.aeTitle(), n.host(), port, n.tls(), n.allowedSenders(),
                n.outOfHours(), n.receivesDefault()));
    }

    private Path instance(String uid) throws Exception {
        Path f = tmp.resolve(uid + ".dcm");
        Files.copy(CORPUS.resolve("CT_small.dcm"), f);
        Result r = run("dcmodify", "-nb", "-m", "(0008,0018)=" + uid, "-m", "(0010,0030)=19700517", f.toString());
        assertThat(r.exit).as(r.output).isZero();
        return f;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        return new Result(p.waitFor(), out);
    }
}
