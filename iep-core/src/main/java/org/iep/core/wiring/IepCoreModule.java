package org.iep.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.MailSender;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.PseudonymStore;
import org.iep.api.spi.ReportStore;
import org.iep.api.spi.SessionStore;
import org.iep.api.spi.SmsSender;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UnitOfWork;
import org.iep.api.spi.UserStore;
import org.iep.core.access.AccessLinks;
import org.iep.core.access.Dashboard;
import org.iep.core.access.Decline;
import org.iep.core.access.Downloads;
import org.iep.core.access.ExpiryReminders;
import org.iep.core.access.IndividualAccess;
import org.iep.core.access.LinkOpening;
import org.iep.core.access.PasscodeVerifier;
import org.iep.core.audit.AuditTrail;
import org.iep.core.audit.ChainVerifier;
import org.iep.core.audit.Statistics;
import org.iep.core.directory.Directory;
import org.iep.core.directory.Nodes;
import org.iep.core.forwarding.Forwarding;
import org.iep.core.ingest.Ingest;
import org.iep.core.pseudonym.Pseudonymisation;
import org.iep.core.ingest.OrphanCollector;
import org.iep.core.report.Reports;
import org.iep.core.upload.Uploads;
import org.iep.core.viewing.Images;
import org.iep.core.packaging.Packager;
import org.iep.core.notify.OutboxWorker;
import org.iep.core.notify.RetryPolicy;
import org.iep.core.policy.IepPolicy;
import org.iep.core.retention.PurgeJob;
import org.iep.core.transaction.TransactionListener;
import org.iep.core.transaction.Transactions;

/**
 * Guice bindings of the core's services. Requires: a binding for every port in {@code org.iep.api.spi} (from
 * adapter modules such as {@code JdbcModule}, or the in-memory ones in tests) and for {@link AccessLinks}.
 * Overridable defaults (via {@link OptionalBinder#setBinding}): {@link Clock} (system UTC), {@link SecureRandom},
 * {@link IepPolicy} (DESIGN.md defaults), {@link RetryPolicy}, {@link UnitOfWork} (none: every port call commits on
 * its own; {@code JdbcUnitOfWork} where the stores share a database). Extra {@link TransactionListener}s join the
 * {@link Multibinder} set. Provides {@link IepCore} and each service as singletons. No I/O happens here.
 */
public final class IepCoreModule extends AbstractModule {

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
        OptionalBinder.newOptionalBinder(binder(), SecureRandom.class).setDefault().toProvider(SecureRandom::new);
        OptionalBinder.newOptionalBinder(binder(), IepPolicy.class).setDefault().toInstance(IepPolicy.DEFAULT);
        OptionalBinder.newOptionalBinder(binder(), RetryPolicy.class).setDefault().toInstance(RetryPolicy.DEFAULT);
        OptionalBinder.newOptionalBinder(binder(), UnitOfWork.class).setDefault().toInstance(UnitOfWork.NONE);
        Multibinder.newSetBinder(binder(), TransactionListener.class);
    }

    @Provides
    @Singleton
    IepCore core(TransactionStore transactions, DirectoryStore directory, UserStore users, NodeStore nodes,
                 AccessStore access, SessionStore sessions, AuditLog audit, BlobStore blobs, JobQueue jobs,
                 MailSender mail, SmsSender sms, KeyProvider keys, InstanceIndex instances, ReportStore reports,
                 PseudonymStore pseudonyms, UnitOfWork units,
                 AccessLinks links,
                 Clock clock,
                 SecureRandom random, IepPolicy policy, RetryPolicy retry, Set<TransactionListener> listeners) {
        IepCore.Builder b = IepCore.builder()
                .ports(new Ports(transactions, directory, users, nodes, access, sessions, audit, blobs, jobs, mail,
                        sms, keys, instances, reports, pseudonyms, units))
                .accessLinks(links).clock(clock).random(random).policy(policy).retry(retry);
        listeners.forEach(b::listener);
        return b.build();
    }

    @Provides Directory directory(IepCore c) { return c.directory(); }
    @Provides Nodes nodes(IepCore c) { return c.nodes(); }
    @Provides Transactions transactions(IepCore c) { return c.transactions(); }
    @Provides LinkOpening linkOpening(IepCore c) { return c.linkOpening(); }
    @Provides PasscodeVerifier passcodes(IepCore c) { return c.passcodes(); }
    @Provides IndividualAccess individualAccess(IepCore c) { return c.individualAccess(); }
    @Provides Dashboard dashboard(IepCore c) { return c.dashboard(); }
    @Provides Decline decline(IepCore c) { return c.decline(); }
    @Provides Downloads downloads(IepCore c) { return c.downloads(); }
    @Provides Forwarding forwarding(IepCore c) { return c.forwarding(); }
    @Provides AuditTrail auditTrail(IepCore c) { return c.auditTrail(); }
    @Provides ChainVerifier chainVerifier(IepCore c) { return c.chainVerifier(); }
    @Provides Statistics statistics(IepCore c) { return c.statistics(); }
    @Provides OutboxWorker outboxWorker(IepCore c) { return c.outboxWorker(); }
    @Provides PurgeJob purgeJob(IepCore c) { return c.purgeJob(); }
    @Provides ExpiryReminders expiryReminders(IepCore c) { return c.expiryReminders(); }
    @Provides Ingest ingest(IepCore c) { return c.ingest(); }
    @Provides Pseudonymisation pseudonymisation(IepCore c) { return c.pseudonymisation(); }
    @Provides OrphanCollector orphans(IepCore c) { return c.orphans(); }
    @Provides Uploads uploads(IepCore c) { return c.uploads(); }
    @Provides Reports reports(IepCore c) { return c.reports(); }
    @Provides Images images(IepCore c) { return c.images(); }
    @Provides Packager packager(IepCore c) { return c.packager(); }
}
