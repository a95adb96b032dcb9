package org.iep.adapters.dicom;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.iep.api.audit.AuditRecord;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.core.access.AccessLinks;
import org.iep.core.audit.Auditor;
import org.iep.core.wiring.IepCore;
import org.iep.core.wiring.Ports;
import org.iep.testkit.TestClock;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryAccessStore;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryDirectoryStore;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.InMemoryNodeStore;
import org.iep.testkit.memory.InMemoryReportStore;
import org.iep.testkit.memory.InMemorySessionStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.iep.testkit.memory.InMemoryUserStore;
import org.iep.testkit.memory.RecordingMailSender;
import org.iep.testkit.memory.RecordingSmsSender;

/** The core over the in-memory adapters, with one open transfer to ingest into. */
final class CoreRig {
    final InMemoryTransactionStore transactions = new InMemoryTransactionStore();
    final InMemoryInstanceIndex index = new InMemoryInstanceIndex();
    final org.iep.api.spi.BlobStore blobs;
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryNodeStore nodes = new InMemoryNodeStore();
    final InMemoryJobQueue jobs = new InMemoryJobQueue();
    final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
    final IepCore core;
    final Auditor auditor = new Auditor(audit, Clock.systemUTC());
    final Transaction transfer;

    CoreRig() {
        this(new InMemoryBlobStore());
    }

    CoreRig(org.iep.api.spi.BlobStore blobs) {
        this.blobs = blobs;
        directory.putInstitution(Fixtures.STEE);
        core = IepCore.builder()
                .ports(new Ports(transactions, directory, new InMemoryUserStore(), nodes,
                        new InMemoryAccessStore(), new InMemorySessionStore(), audit, blobs, jobs,
                        new RecordingMailSender(), new RecordingSmsSender(), new FixedKeyProvider("dicom"), index,
                        new InMemoryReportStore(), new org.iep.testkit.memory.InMemoryPseudonymStore()))
                .accessLinks(new AccessLinks("https://iep.test")).clock(TestClock.create())
                .random(new SecureRandom()).build();
        transfer = Transactions.transfer(1).build();
        transactions.commit(TransactionChanges.insert(transfer));
    }

    /** Another open transfer ({@code n} > 1). */
    Transaction newTransfer(int n) {
        return insert(Transactions.transfer(n).build());
    }

    Transaction insert(Transaction t) {
        transactions.commit(TransactionChanges.insert(t));
        return t;
    }

    /** Writes each stored instance of the transfer to {@code dir}; returns the files. */
    List<Path> export(Path dir) throws Exception {
        return export(transfer, dir);
    }

    List<Path> export(Transaction t, Path dir) throws Exception {
        Files.createDirectories(dir);
        var stored = index.byTransaction(t.id());
        List<Path> files = new java.util.ArrayList<>();
        for (var i : stored) {
            Path f = dir.resolve(i.sopInstanceUid() + ".dcm");
            try (InputStream in = blobs.open(i.blob(), ByteRange.ALL)) {
                Files.copy(in, f);
            }
            files.add(f);
        }
        return files;
    }

    List<AuditRecord> audited(String action) {
        return audit.all().stream().filter(r -> r.event().action().equals(action)).toList();
    }
}
