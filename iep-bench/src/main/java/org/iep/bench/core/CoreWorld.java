package org.iep.bench.core;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.iep.api.patient.Sex;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.access.AccessLinks;
import org.iep.core.audit.ClientInfo;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.PatientDetails;
import org.iep.core.transaction.SelectedStudy;
import org.iep.core.wiring.IepCore;
import org.iep.core.wiring.Ports;
import org.iep.testkit.TestClock;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryAccessStore;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryDirectoryStore;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.InMemoryNodeStore;
import org.iep.testkit.memory.InMemorySessionStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.iep.testkit.memory.InMemoryUserStore;
import org.iep.testkit.memory.RecordingMailSender;
import org.iep.testkit.memory.RecordingSmsSender;

/** The core wired over the in-memory adapters with the fixture hospitals, as the benchmarks use it. */
final class CoreWorld {
    final TestClock clock = TestClock.create();
    final InMemoryAccessStore access = new InMemoryAccessStore();
    final InMemoryTransactionStore transactions = new InMemoryTransactionStore();
    final RecordingMailSender mail = new RecordingMailSender();
    final IepCore core;

    CoreWorld() {
        InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
        InMemoryUserStore users = new InMemoryUserStore();
        InMemoryNodeStore nodes = new InMemoryNodeStore();
        core = IepCore.builder()
                .ports(new Ports(transactions, directory, users, nodes, access, new InMemorySessionStore(),
                        new InMemoryAuditLog(), new InMemoryBlobStore(), new InMemoryJobQueue(),
                        mail, new RecordingSmsSender(), new FixedKeyProvider("bench"), new InMemoryInstanceIndex(),
                        new org.iep.testkit.memory.InMemoryReportStore(),
                        new org.iep.testkit.memory.InMemoryPseudonymStore()))
                .accessLinks(new AccessLinks("https://iep.bench"))
                .clock(clock)
                .random(new SecureRandom())
                .build();
        directory.putInstitution(Fixtures.STEE);
        directory.putInstitution(Fixtures.NTEE);
        Fixtures.STEE_USERS.values().forEach(users::put);
        Fixtures.NTEE_USERS.values().forEach(users::put);
        List.of(Fixtures.STEE_PACS, Fixtures.NTEE_PACS, Fixtures.NTEE_OOH).forEach(nodes::put);
    }

    NewTransfer transferToPatient(int n) {
        PatientDetails patient = new PatientDetails("P" + n, "STEE", "Jones", "Patricia",
                Fixtures.PATIENT.birthDate(), Sex.FEMALE, "9434765919", "", Fixtures.ADDRESS);
        return new NewTransfer(Fixtures.STEE_STAFF.id(), Fixtures.STEE.id(), patient, Fixtures.SMS_RECIPIENT,
                List.of(new SelectedStudy("1.2.826.0.1.3680043.8.498." + (n + 1), "ACC" + n, "CT head")),
                Priority.NORMAL, "Your CT scan", Optional.empty());
    }

    /** The token of the access link e-mailed last, as the recipient would read it. */
    String mailedToken() {
        core.outboxWorker().runOnce(clock.instant());
        List<org.iep.api.spi.MailMessage> sent = mail.sent();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/a/([A-Za-z0-9_-]{43})")
                .matcher(sent.get(sent.size() - 1).textBody());
        if (!m.find()) {
            throw new IllegalStateException("the last e-mail carries no access link");
        }
        return m.group(1);
    }

    /** A transfer that is on IEP, so its recipient holds a grant. */
    Transaction availableTransfer() {
        Transaction t = core.transactions().createTransfer(transferToPatient(0), ClientInfo.INTERNAL);
        Party ingest = new Party.System("bench");
        return core.transactions().advance(t.id(), TransactionStatus.ON_IEP, "", ingest, ClientInfo.INTERNAL);
    }
}
