package org.iep.core.scenario;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.spi.MailMessage;
import org.iep.api.spi.SmsMessage;
import org.iep.core.access.AccessLinks;
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

/**
 * The whole core wired through {@link IepCore} over the in-memory adapters, with the two fixture hospitals, a
 * test clock, and helpers that read what a person would read in their mailbox or on their phone.
 */
final class World {
    private static final Pattern LINK = Pattern.compile("https://iep\\.test/a/([A-Za-z0-9_-]{43})");
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    final TestClock clock = TestClock.create();
    final InMemoryTransactionStore transactions = new InMemoryTransactionStore();
    final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryNodeStore nodes = new InMemoryNodeStore();
    final InMemoryAccessStore access = new InMemoryAccessStore();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final InMemoryJobQueue jobs = new InMemoryJobQueue();
    final RecordingMailSender mail = new RecordingMailSender();
    final RecordingSmsSender sms = new RecordingSmsSender();
    final InMemoryInstanceIndex instances = new InMemoryInstanceIndex();
    final IepCore core;

    World() {
        core = IepCore.builder()
                .ports(new Ports(transactions, directory, users, nodes, access, sessions, audit, blobs, jobs, mail,
                        sms, new FixedKeyProvider("scenario"), instances,
                        new org.iep.testkit.memory.InMemoryReportStore(),
                        new org.iep.testkit.memory.InMemoryPseudonymStore()))
                .accessLinks(new AccessLinks("https://iep.test"))
                .clock(clock)
                .random(new SecureRandom())
                .build();
        directory.putInstitution(Fixtures.STEE);
        directory.putInstitution(Fixtures.NTEE);
        Fixtures.STEE_USERS.values().forEach(users::put);
        Fixtures.NTEE_USERS.values().forEach(users::put);
        List.of(Fixtures.STEE_PACS, Fixtures.NTEE_PACS, Fixtures.NTEE_OOH).forEach(nodes::put);
    }

    /** Runs the outbox once, as the scheduler would. */
    void deliverOutbox() {
        core.outboxWorker().runOnce(clock.instant());
    }

    /** The token of the newest access link e-mailed to {@code email}. */
    String latestLinkTokenFor(String email) {
        deliverOutbox();
        List<MailMessage> sent = mail.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            MailMessage m = sent.get(i);
            Matcher link = LINK.matcher(m.textBody());
            if (m.to().equalsIgnoreCase(email) && link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("no access link was e-mailed to " + email);
    }

    /** The newest passcode texted to {@code phone}. */
    String latestCodeTextedTo(String phone) {
        deliverOutbox();
        List<SmsMessage> sent = sms.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            Matcher code = CODE.matcher(sent.get(i).text());
            if (sent.get(i).to().equals(phone) && code.find()) {
                return code.group(1);
            }
        }
        throw new AssertionError("no passcode was texted to " + phone);
    }

    /** The newest passcode e-mailed to {@code email}. */
    String latestCodeMailedTo(String email) {
        deliverOutbox();
        List<MailMessage> sent = mail.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            MailMessage m = sent.get(i);
            Matcher code = CODE.matcher(m.subject() + " " + m.textBody());
            if (m.to().equalsIgnoreCase(email) && !LINK.matcher(m.textBody()).find() && code.find()) {
                return code.group(1);
            }
        }
        throw new AssertionError("no passcode was e-mailed to " + email);
    }
}
