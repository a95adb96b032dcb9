package org.iep.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.access.PasscodeCheck;
import org.iep.api.directory.ContactDetails;
import org.iep.api.directory.CoreHours;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.directory.UserId;
import org.iep.api.patient.Patient;
import org.iep.api.patient.PatientIdentifier;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.recipient.Recipient;
import org.iep.api.spi.MailMessage;
import org.iep.api.spi.SmsMessage;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Message;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.forwarding.Forwarding;
import org.iep.core.id.IdGenerator;
import org.iep.core.notify.Outbox;
import org.iep.core.notify.OutboxWorker;
import org.iep.core.notify.RetryPolicy;
import org.iep.core.notify.Templates;
import org.iep.core.policy.IepPolicy;
import org.iep.core.secret.Sealer;
import org.iep.core.secret.SecretHasher;
import org.iep.core.transaction.TrackingNumbers;
import org.iep.testkit.TestClock;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryAccessStore;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryDirectoryStore;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.iep.testkit.memory.RecordingMailSender;
import org.iep.testkit.memory.RecordingSmsSender;

/**
 * Every access, forwarding and outbox service wired by hand over the in-memory adapters, a hand-moved clock and the
 * real outbox, plus helpers that read links and passcodes out of the mail and texts actually sent. One per test.
 */
public final class AccessFixture {
    public static final Instant START = TestClock.DEFAULT_START;
    public static final ClientInfo CLIENT = new ClientInfo("203.0.113.7");
    public static final InstitutionId STEE = new InstitutionId("inst-stee");
    private static final Pattern LINK = Pattern.compile("https://iep\\.example\\.org/a/([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private static final AtomicInteger SEQ = new AtomicInteger();

    public final TestClock clock = TestClock.at(START);
    public final IepPolicy policy = IepPolicy.DEFAULT;
    public final SecureRandom random = new SecureRandom();
    public final InMemoryTransactionStore transactions = new InMemoryTransactionStore();
    public final InMemoryAccessStore grantStore = new InMemoryAccessStore();
    public final RecordingSessionStore sessions = new RecordingSessionStore();
    public final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final RecordingJobQueue jobs = new RecordingJobQueue(new InMemoryJobQueue());
    public final RecordingMailSender mail = new RecordingMailSender();
    public final RecordingSmsSender sms = new RecordingSmsSender();
    public final FixedKeyProvider keys = new FixedKeyProvider("access-fixture");
    public final SecretHasher hasher = new SecretHasher(keys);
    public final Sealer sealer = new Sealer(keys, random);
    public final IdGenerator ids = new IdGenerator(random);
    public final Auditor auditor = new Auditor(audit, clock);
    public final Outbox outbox = new Outbox(jobs, sealer, clock);
    public final OutboxWorker worker = new OutboxWorker(jobs, sealer, new Templates(), mail, sms, RetryPolicy.DEFAULT);
    public final TrackingNumbers tracking = new TrackingNumbers(transactions);
    public final AccessGrants grants = new AccessGrants(grantStore, sessions, directory, hasher, ids, outbox, auditor,
            policy, new AccessLinks("https://iep.example.org/"), clock);
    public final LinkOpening links = new LinkOpening(grantStore, transactions, directory, hasher, ids, outbox,
            auditor, policy, clock);
    public final PasscodeVerifier verifier = new PasscodeVerifier(grantStore, sessions, transactions, directory,
            hasher, ids, outbox, auditor, policy, clock);
    public final IndividualAccess access = new IndividualAccess(sessions, grantStore, transactions, hasher, auditor,
            policy, clock);
    public final Dashboard dashboard = new Dashboard(grantStore, transactions, directory, policy, clock);
    public final Decline decline = new Decline(transactions, directory, access, grants, List.of(), outbox, auditor,
            policy, clock);
    public final Downloads downloads = new Downloads(transactions, access, List.of(), auditor,
            new org.iep.core.packaging.PackagePreparation(jobs, transactions, new org.iep.core.packaging.Packager(
                    new org.iep.testkit.memory.InMemoryInstanceIndex(), new org.iep.testkit.memory.InMemoryBlobStore(),
                    directory), auditor, clock), clock);
    public final Forwarding forwarding = new Forwarding(transactions, directory, access, grants, tracking, ids,
            outbox, auditor, policy, clock);
    public final Institution stee = new Institution(STEE, "STEE", "South Tees Hospital",
            new ContactDetails("medrec@stee.example.org", "01473 417100"), ZoneId.of("Europe/London"),
            CoreHours.DEFAULT, InstitutionPolicies.DEFAULT);

    public AccessFixture() {
        directory.putInstitution(stee);
    }

    public static IndividualRecipient individual(String email, String phone) {
        return new IndividualRecipient(email, "Patient", "Pat", PostalAddress.NONE, phone, "", Locale.UK,
                PasscodeChannel.SMS);
    }

    /** A transfer from STEE to {@code to}, committed ON_IEP now and announced as available (grant + link mail). */
    public Transaction transferTo(Recipient to) {
        return transferTo(to, Optional.empty());
    }

    public Transaction transferTo(Recipient to, Optional<Instant> releaseAfter) {
        Instant now = clock.instant();
        Transaction t = new Transaction.Builder()
                .id(new TransactionId(ids.newId())).tracking(tracking.next(stee)).type(TransactionType.TRANSFER)
                .sender(new Party.Staff(STEE, new UserId("u-1"))).origin(STEE).recipient(to)
                .patient(new Patient(new PatientIdentifier("PID" + SEQ.incrementAndGet(), "STEE"), "SIMPSON",
                        "Blanche", LocalDate.of(1964, 2, 6), Sex.FEMALE, Optional.empty(), PostalAddress.NONE,
                        "not known"))
                .studies(List.of(StudyEntry.pending("1.2.826.0.1.3680043.2.1." + SEQ.get(), "ACC" + SEQ.get(), "CT")))
                .messages(List.of(new Message(now, new Party.Staff(STEE, new UserId("u-1")), "Dr Holmes",
                        "No NHS number has been specified.")))
                .status(TransactionStatus.ON_IEP).created(now).updated(now).expires(now.plus(Duration.ofDays(15)))
                .releaseAfter(releaseAfter)
                .build();
        Transaction stored = transactions.commit(TransactionChanges.insert(t)).get(0);
        grants.available(stored);
        return stored;
    }

    public Transaction reload(Transaction t) {
        return transactions.find(t.id()).orElseThrow();
    }

    /** Sends what is due in the outbox now. */
    public void deliver() {
        worker.runOnce(clock.instant());
    }

    /** The token of the last link mailed to {@code email}. */
    public String linkTokenFor(String email) {
        deliver();
        List<MailMessage> to = mail.sent().stream().filter(m -> m.to().equals(email)).toList();
        assertThat(to).as("mail to " + email).isNotEmpty();
        Matcher m = LINK.matcher(to.get(to.size() - 1).textBody());
        assertThat(m.find()).as("a link in the mail").isTrue();
        return m.group(1);
    }

    /** The last passcode texted to {@code phone}. */
    public String lastCodeTo(String phone) {
        deliver();
        List<SmsMessage> to = sms.sent().stream().filter(s -> s.to().equals(phone)).toList();
        assertThat(to).as("texts to " + phone).isNotEmpty();
        Matcher m = CODE.matcher(to.get(to.size() - 1).text());
        assertThat(m.find()).as("a code in the text").isTrue();
        return m.group(1);
    }

    /** Opens the link and sends a fresh code; returns the code as texted. */
    public String newCode(String token, String phone) {
        assertThat(links.open(token, CLIENT)).isInstanceOf(LinkOutcome.CodeSent.class);
        return lastCodeTo(phone);
    }

    /** Link → passcode → session ID. */
    public String login(IndividualRecipient r) {
        String token = linkTokenFor(r.email());
        PasscodeCheck check = verifier.verify(token, newCode(token, r.phone()), CLIENT);
        assertThat(check).isInstanceOf(PasscodeCheck.Accepted.class);
        return ((PasscodeCheck.Accepted) check).sessionId();
    }

    /** A code guaranteed to differ from {@code code}. */
    public static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
