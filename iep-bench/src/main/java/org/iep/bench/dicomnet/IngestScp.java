package org.iep.bench.dicomnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
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
 * AE title into one transaction, and runs in the foreground until killed. Benchmark use only.
 */
public final class IngestScp {
    private IngestScp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT", "11112"));
        Path store = Files.createDirectories(Path.of(System.getenv().getOrDefault("BENCH_STORE_DIR",
                "iep-bench-store")));
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
        CountDownLatch stopped = new CountDownLatch(1);
        try (DicomReceiver receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", port, List.of(storescu),
                        20), core.ingest(), (calledAe, sender) -> Optional.of(transfer.id()),
                new Auditor(audit, Clock.systemUTC()))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("IEP ingest SCP on 127.0.0.1:" + receiver.port() + ", storing under " + store);
            stopped.await();
        }
    }
}
