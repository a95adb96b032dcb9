package org.iep.adapters.jdbc;

import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.access.JdbcAccessStore;
import org.iep.adapters.jdbc.access.JdbcSessionStore;
import org.iep.adapters.jdbc.audit.JdbcAuditLog;
import org.iep.adapters.jdbc.content.JdbcInstanceIndex;
import org.iep.adapters.jdbc.directory.JdbcDirectoryStore;
import org.iep.adapters.jdbc.directory.JdbcNodeStore;
import org.iep.adapters.jdbc.directory.JdbcUserStore;
import org.iep.adapters.jdbc.job.JdbcJobQueue;
import org.iep.adapters.jdbc.pseudonym.JdbcPseudonymStore;
import org.iep.adapters.jdbc.report.JdbcReportStore;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.PseudonymStore;
import org.iep.api.spi.ReportStore;
import org.iep.api.spi.SessionStore;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UserStore;

/**
 * Guice bindings of every store port on JDBC. Exposes, all as singletons:
 * <ul>
 *   <li>{@link JdbcDatabase}: the pool, started (and the schema migrated) when first injected; the application
 *       closes it at shutdown;</li>
 *   <li>{@link TransactionStore}, {@link DirectoryStore}, {@link UserStore}, {@link NodeStore}, {@link AccessStore},
 *       {@link SessionStore}, {@link AuditLog}, {@link JobQueue}, {@link InstanceIndex}, {@link ReportStore},
 *       {@link PseudonymStore}: the {@code Jdbc*} implementations;</li>
 *   <li>{@link JdbcUnitOfWork}: bind {@code UnitOfWork} to it (with the core's module:
 *       {@code OptionalBinder.newOptionalBinder(binder(), UnitOfWork.class).setBinding().to(JdbcUnitOfWork.class)})
 *       so an instance's index row, study counts and audit record are one commit.</li>
 * </ul>
 * The {@link DataSource} and the implementation classes stay private to the module, so an application can bind its
 * own {@code DataSource} without a clash.
 * {@code configure()} only declares bindings; nothing connects until the injector creates the database.
 * Immutable; thread-safe.
 */
public final class JdbcModule extends PrivateModule {
    private final JdbcConfig config;

    public JdbcModule(JdbcConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(TransactionStore.class).to(JdbcTransactionStore.class).in(Singleton.class);
        bind(DirectoryStore.class).to(JdbcDirectoryStore.class).in(Singleton.class);
        bind(UserStore.class).to(JdbcUserStore.class).in(Singleton.class);
        bind(NodeStore.class).to(JdbcNodeStore.class).in(Singleton.class);
        bind(AccessStore.class).to(JdbcAccessStore.class).in(Singleton.class);
        bind(SessionStore.class).to(JdbcSessionStore.class).in(Singleton.class);
        bind(AuditLog.class).to(JdbcAuditLog.class).in(Singleton.class);
        bind(JobQueue.class).to(JdbcJobQueue.class).in(Singleton.class);
        bind(InstanceIndex.class).to(JdbcInstanceIndex.class).in(Singleton.class);
        bind(ReportStore.class).to(JdbcReportStore.class).in(Singleton.class);
        bind(PseudonymStore.class).to(JdbcPseudonymStore.class).in(Singleton.class);
        expose(JdbcDatabase.class);
        expose(TransactionStore.class);
        expose(DirectoryStore.class);
        expose(UserStore.class);
        expose(NodeStore.class);
        expose(AccessStore.class);
        expose(SessionStore.class);
        expose(AuditLog.class);
        expose(JobQueue.class);
        expose(InstanceIndex.class);
        expose(ReportStore.class);
        expose(PseudonymStore.class);
        bind(JdbcUnitOfWork.class).in(Singleton.class);
        expose(JdbcUnitOfWork.class);
    }

    @Provides
    @Singleton
    JdbcDatabase database() {
        return JdbcDatabase.start(config);
    }

    @Provides
    @Singleton
    DataSource dataSource(JdbcDatabase database) {
        return database.dataSource();
    }
}
