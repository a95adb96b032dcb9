package org.iep.core.wiring;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import org.iep.core.direct.DirectRoute;
import org.iep.core.direct.DirectRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.core.access.AccessGrants;
import org.iep.core.access.AccessLinks;
import org.iep.core.access.Dashboard;
import org.iep.core.access.Decline;
import org.iep.core.access.Downloads;
import org.iep.core.access.ExpiryReminders;
import org.iep.core.access.IndividualAccess;
import org.iep.core.access.LinkOpening;
import org.iep.core.access.PasscodeVerifier;
import org.iep.core.audit.AuditTrail;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ChainVerifier;
import org.iep.core.audit.Statistics;
import org.iep.core.delivery.DeliveryJobs;
import org.iep.core.directory.Directory;
import org.iep.core.directory.Nodes;
import org.iep.core.directory.Routing;
import org.iep.core.directory.StaffAccess;
import org.iep.core.forwarding.Forwarding;
import org.iep.core.id.IdGenerator;
import org.iep.core.ingest.Checkpoints;
import org.iep.core.pseudonym.Pseudonymisation;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.OrphanCollector;
import org.iep.core.report.ReportSettings;
import org.iep.core.report.Reports;
import org.iep.core.upload.UploadLimits;
import org.iep.core.viewing.Images;
import org.iep.core.packaging.PackagePreparation;
import org.iep.core.packaging.Packager;
import org.iep.core.upload.Uploads;
import org.iep.core.notify.FailureNotices;
import org.iep.core.notify.Outbox;
import org.iep.core.notify.OutboxWorker;
import org.iep.core.notify.RetryPolicy;
import org.iep.core.notify.Templates;
import org.iep.core.policy.IepPolicy;
import org.iep.core.retention.PurgeJob;
import org.iep.core.secret.Sealer;
import org.iep.core.secret.SecretHasher;
import org.iep.core.transaction.TrackingNumbers;
import org.iep.core.transaction.TransactionListener;
import org.iep.core.transaction.Transactions;

/**
 * The whole workflow wired over a set of {@link Ports}, for users without Guice. {@link IepCoreModule} builds the
 * same object graph through this class, so there is one way to assemble the core. Thread-safe once built; the
 * services are shared singletons.
 *
 * <pre>{@code
 * IepCore core = IepCore.builder()
 *         .ports(new Ports(txStore, directory, users, nodes, access, sessions, audit, blobs, jobs, mail, sms, keys,
 *                 instances, reports, pseudonyms))
 *         .accessLinks(new AccessLinks("https://iep.example.org"))
 *         .build();
 * core.transactions().createTransfer(...);
 * }</pre>
 */
public final class IepCore {
    private final Directory directory;
    private final Nodes nodes;
    private final Routing routing;
    private final StaffAccess staffAccess;
    private final Transactions transactions;
    private final AccessGrants accessGrants;
    private final LinkOpening linkOpening;
    private final PasscodeVerifier passcodes;
    private final IndividualAccess individualAccess;
    private final Dashboard dashboard;
    private final Decline decline;
    private final Downloads downloads;
    private final Forwarding forwarding;
    private final AuditTrail auditTrail;
    private final ChainVerifier chainVerifier;
    private final Statistics statistics;
    private final OutboxWorker outboxWorker;
    private final PurgeJob purgeJob;
    private final DeliveryJobs deliveryJobs;
    private final ExpiryReminders expiryReminders;
    private final Ingest ingest;
    private final Pseudonymisation pseudonymisation;
    private final OrphanCollector orphans;
    private final Uploads uploads;
    private final Reports reports;
    private final Images images;
    private final Packager packager;
    private final PackagePreparation packagePreparation;
    private final BiFunction<List<DirectRoute>, Duration, DirectRouting> directRouting;

    private IepCore(Builder b) {
        Ports p = b.ports;
        Clock clock = b.clock;
        IepPolicy policy = b.policy;
        IdGenerator ids = new IdGenerator(b.random);
        Auditor auditor = new Auditor(p.audit(), clock);
        SecretHasher hasher = new SecretHasher(p.keys());
        Sealer sealer = new Sealer(p.keys(), b.random);
        Outbox outbox = new Outbox(p.jobs(), sealer, clock);
        // the access feature listens to transactions (it issues links when a package becomes available), and
        // transactions must not know it: so it is built first and handed over as a listener
        accessGrants = new AccessGrants(p.access(), p.sessions(), p.directory(), hasher, ids, outbox, auditor, policy,
                b.links, clock);
        List<TransactionListener> listeners = new ArrayList<>();
        listeners.add(accessGrants);
        listeners.add(new FailureNotices(p.directory(), outbox));
        // every new transfer gets a delivery job; the lanes that run them come with a DeliveryHandler
        deliveryJobs = new DeliveryJobs(p.jobs(), clock);
        listeners.add(deliveryJobs);
        // a package is prepared as soon as it is available, so its download streams with a known length and hash
        packager = new Packager(p.instances(), p.blobs(), p.directory());
        packagePreparation = new PackagePreparation(p.jobs(), p.transactions(), packager, auditor, clock);
        listeners.add(packagePreparation);
        listeners.addAll(b.listeners);

        staffAccess = new StaffAccess(p.users());
        routing = new Routing(p.directory(), p.nodes());
        directory = new Directory(p.directory(), p.users(), staffAccess, auditor, ids);
        nodes = new Nodes(p.nodes(), p.directory(), staffAccess, auditor, ids);
        TrackingNumbers tracking = new TrackingNumbers(p.transactions());
        pseudonymisation = new Pseudonymisation(p.directory(), p.pseudonyms(), p.keys(), staffAccess, auditor, clock);
        transactions = new Transactions(p.transactions(), p.directory(), p.nodes(), staffAccess, auditor, outbox, ids,
                tracking, routing, clock, policy, listeners, Optional.of(pseudonymisation));
        linkOpening = new LinkOpening(p.access(), p.transactions(), p.directory(), hasher, ids, outbox, auditor,
                policy, clock);
        passcodes = new PasscodeVerifier(p.access(), p.sessions(), p.transactions(), p.directory(), hasher, ids,
                outbox, auditor, policy, clock);
        individualAccess = new IndividualAccess(p.sessions(), p.access(), p.transactions(), hasher, auditor, policy,
                clock);
        dashboard = new Dashboard(p.access(), p.transactions(), p.directory(), policy, clock);
        decline = new Decline(p.transactions(), p.directory(), individualAccess, accessGrants, listeners, outbox,
                auditor, policy, clock);
        downloads = new Downloads(p.transactions(), individualAccess, listeners, auditor, packagePreparation, clock);
        forwarding = new Forwarding(p.transactions(), p.directory(), individualAccess, accessGrants, tracking, ids,
                outbox, auditor, policy, clock);
        auditTrail = new AuditTrail(p.audit(), p.transactions(), staffAccess, auditor);
        chainVerifier = new ChainVerifier(p.audit());
        statistics = new Statistics(p.transactions(), p.audit(), p.directory(), staffAccess, auditor);
        outboxWorker = new OutboxWorker(p.jobs(), sealer, new Templates(), p.mail(), p.sms(), b.retry);
        purgeJob = new PurgeJob(p.transactions(), p.directory(), p.blobs(), transactions, auditor, outbox, policy);
        expiryReminders = new ExpiryReminders(p.access(), p.transactions(), p.directory(), outbox, policy);
        reports = new Reports(p.reports(), p.transactions(), p.blobs(), auditor, ids, clock, ReportSettings.DEFAULT);
        ingest = new Ingest(p.transactions(), p.directory(), p.instances(), p.blobs(), transactions, auditor, ids,
                clock, Checkpoints.NONE, reports::onStudyArrived, Optional.of(pseudonymisation), p.units());
        orphans = new OrphanCollector(p.blobs(), p.instances(), OrphanCollector.DEFAULT_GRACE);
        images = new Images(p.instances(), p.blobs(), individualAccess, transactions, staffAccess, auditor);
        uploads = new Uploads(p.transactions(), p.blobs(), ingest, auditor, ids, clock, UploadLimits.DEFAULTS,
                p.directory(), outbox);
        directRouting = (routes, stableAge) -> new DirectRouting(routes, transactions, p.transactions(),
                p.directory(), p.nodes(), ingest, auditor, clock, stableAge);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Directory directory() { return directory; }
    public Nodes nodes() { return nodes; }
    public Routing routing() { return routing; }
    public StaffAccess staffAccess() { return staffAccess; }
    public Transactions transactions() { return transactions; }
    public AccessGrants accessGrants() { return accessGrants; }
    public LinkOpening linkOpening() { return linkOpening; }
    public PasscodeVerifier passcodes() { return passcodes; }
    public IndividualAccess individualAccess() { return individualAccess; }
    public Dashboard dashboard() { return dashboard; }
    public Decline decline() { return decline; }
    public Downloads downloads() { return downloads; }
    public Forwarding forwarding() { return forwarding; }
    public AuditTrail auditTrail() { return auditTrail; }
    public ChainVerifier chainVerifier() { return chainVerifier; }
    public Statistics statistics() { return statistics; }
    public OutboxWorker outboxWorker() { return outboxWorker; }
    public PurgeJob purgeJob() { return purgeJob; }
    public DeliveryJobs deliveryJobs() { return deliveryJobs; }
    public ExpiryReminders expiryReminders() { return expiryReminders; }
    public Ingest ingest() { return ingest; }
    public Pseudonymisation pseudonymisation() { return pseudonymisation; }
    public OrphanCollector orphans() { return orphans; }
    public Uploads uploads() { return uploads; }
    public Reports reports() { return reports; }
    public Images images() { return images; }
    public Packager packager() { return packager; }
    /** Prepares available packages in the background; run {@link PackagePreparation#runOnce} periodically. */
    public PackagePreparation packagePreparation() { return packagePreparation; }

    /**
     * Direct routing over this core for the deployment's routes (its configuration, validated here: every problem
     * at once); run its {@link DirectRouting#closeStable} periodically.
     */
    public DirectRouting directRouting(List<DirectRoute> routes, Duration stableAge) {
        return directRouting.apply(routes, stableAge);
    }

    /** Collects the ports and settings; {@link #build()} reports everything missing or invalid at once. */
    public static final class Builder {
        private Ports ports;
        private AccessLinks links;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private IepPolicy policy = IepPolicy.DEFAULT;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private final List<TransactionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        public Builder ports(Ports value) { ports = Objects.requireNonNull(value); return this; }
        /** The portal's public base URL for the links e-mailed to individuals. Required. */
        public Builder accessLinks(AccessLinks value) { links = Objects.requireNonNull(value); return this; }
        /** Defaults to the system UTC clock; tests pass a {@code TestClock}. */
        public Builder clock(Clock value) { clock = Objects.requireNonNull(value); return this; }
        /** Defaults to a new {@link SecureRandom}. */
        public Builder random(SecureRandom value) { random = Objects.requireNonNull(value); return this; }
        public Builder policy(IepPolicy value) { policy = Objects.requireNonNull(value); return this; }
        public Builder retry(RetryPolicy value) { retry = Objects.requireNonNull(value); return this; }
        /** An extra listener told about committed transaction events (after the access feature). */
        public Builder listener(TransactionListener value) { listeners.add(Objects.requireNonNull(value)); return this; }

        public IepCore build() {
            var problems = new org.iep.core.validation.Problems();
            problems.check(ports != null, "ports", "are required: an adapter for every port");
            problems.check(links != null, "accessLinks", "are required: the portal's public base URL");
            policy.problems().forEach(pr -> problems.add("policy." + pr.field(), pr.message()));
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            if (random == null) {
                random = new SecureRandom();
            }
            return new IepCore(this);
        }
    }

    /** The core was configured wrongly; every problem is listed. */
    public static final class InvalidConfigurationException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        InvalidConfigurationException(org.iep.core.validation.Problems problems) {
            super(CoreErrorCode.CONFIGURATION, problems.list());
        }
    }
}
