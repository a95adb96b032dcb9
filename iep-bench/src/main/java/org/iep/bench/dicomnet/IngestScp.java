package org.iep.bench.dicomnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.iep.adapters.dicom.DicomReceiver;
import org.iep.adapters.dicom.ReceiverConfig;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.core.access.AccessLinks;
import org.iep.core.audit.Auditor;
import org.iep.core.blob.FileSystemBlobStore;
import org.iep.core.wiring.IepCore;
import org.iep.core.wiring.Ports;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.synth.StudySpec;
import org.iep.dicom.synth.SyntheticCt;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryAccessStore;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryDirectoryStore;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.InMemoryNodeStore;
import org.iep.testkit.memory.InMemoryPseudonymStore;
import org.iep.testkit.memory.InMemoryReportStore;
import org.iep.testkit.memory.InMemorySessionStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.iep.testkit.memory.InMemoryUserStore;
import org.iep.testkit.memory.RecordingMailSender;
import org.iep.testkit.memory.RecordingSmsSender;

/**
 * IEP's inbound SCP as a peer of {@code ../shared/bench/peer-ingest.sh} ({@code PROJECT_SCP_CMD}): the
 * {@link DicomReceiver} feeding the core's ingest into a {@link FileSystemBlobStore} rooted at
 * {@code BENCH_STORE_DIR} (one {@code @blob} file per instance, acknowledged once durable), index and audit in memory.
 * It accepts the harness's storescu (calling AE {@code STORESCU} from 127.0.0.1) on {@code BENCH_PORT}, any called
 * AE title into one transaction, and runs in the foreground until killed. Before it listens it warms up on
 * {@code IEP_WARMUP_INSTANCES} (3,000) synthetic instances of another study, stored elsewhere and deleted: the
 * harness starts a fresh JVM for every run, and times a server, not a JIT. Benchmark use only.
 */
public final class IngestScp {
    private IngestScp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT", "11112"));
        Path store = Files.createDirectories(Path.of(System.getenv().getOrDefault("BENCH_STORE_DIR",
                "iep-bench-store")));
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("IEP_WARMUP_INSTANCES", "3000"));
        if (warmUp > 0) {
            warmUp(warmUp);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (DicomReceiver receiver = receiver(store, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("IEP ingest SCP on 127.0.0.1:" + receiver.port() + ", storing under " + store);
            stopped.await();
        }
    }

    /**
     * What a server that has been up for a while has: the JIT's compiled code for the ingest path. Before the
     * benchmark's receiver listens (start-up is not timed), {@code n} synthetic instances of another study go
     * through a throwaway receiver and store, sent by our SCU over loopback; then both are deleted.
     */
    private static void warmUp(int n) throws Exception {
        Path tmp = Files.createTempDirectory("iep-scp-warmup");
        try {
            List<Path> files = new SyntheticCt(StudySpec.ctSeries(99, n, 64, 64)).writeAll(tmp.resolve("data"));
            try (DicomReceiver r = receiver(Files.createDirectories(tmp.resolve("store")), 0)) {
                List<DimseClient.Prepared> prepared = new ArrayList<>();
                for (Path f : files) {
                    prepared.add(DimseClient.prepare(f));
                }
                try (DimseClient c = DimseClient.connect("127.0.0.1", r.port(), "STORESCU", "WARMUP",
                        List.of(List.of(prepared.get(0).sopClass(), prepared.get(0).transferSyntax().uid())),
                        NetOptions.defaults())) {
                    for (DimseClient.Prepared p : prepared) {
                        if (!Status.isSuccessOrWarning(c.store(p))) {
                            throw new IllegalStateException("warm-up instance refused: " + p.file());
                        }
                    }
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static DicomReceiver receiver(Path store, int port) {
        InMemoryTransactionStore transactions = new InMemoryTransactionStore();
        InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
        directory.putInstitution(Fixtures.STEE);
        InMemoryAuditLog audit = new InMemoryAuditLog();
        IepCore core = IepCore.builder()
                .ports(new Ports(transactions, directory, new InMemoryUserStore(), new InMemoryNodeStore(),
                        new InMemoryAccessStore(), new InMemorySessionStore(), audit, new FileSystemBlobStore(store),
                        new InMemoryJobQueue(), new RecordingMailSender(), new RecordingSmsSender(),
                        new FixedKeyProvider("bench"), new InMemoryInstanceIndex(), new InMemoryReportStore(),
                        new InMemoryPseudonymStore()))
                .accessLinks(new AccessLinks("https://iep.bench")).clock(Clock.systemUTC())
                .random(new SecureRandom()).build();
        Transaction transfer = Transactions.transfer(1).build();
        transactions.commit(TransactionChanges.insert(transfer));
        Node storescu = new Node(new NodeId("storescu"), new InstitutionId("bench"), "STORESCU", "127.0.0.1", 104,
                false, Set.of(), Optional.empty(), false);
        return DicomReceiver.start(new ReceiverConfig("127.0.0.1", port, List.of(storescu), 20), core.ingest(),
                (calledAe, sender) -> Optional.of(transfer.id()), new Auditor(audit, Clock.systemUTC()));
    }
}
