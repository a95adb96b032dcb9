package org.iep.adapters.hl7;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.JdbcConfig;
import org.iep.adapters.jdbc.audit.JdbcAuditLog;
import org.iep.adapters.jdbc.report.JdbcReportStore;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.Secret;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ReportStore;
import org.iep.api.spi.TransactionStore;
import org.iep.core.audit.Auditor;
import org.iep.core.blob.FileSystemBlobStore;
import org.iep.core.id.IdGenerator;
import org.iep.core.report.ReportSettings;
import org.iep.core.report.Reports;

/** The core's reports on durable stores: JDBC over an H2 file and a filesystem blob store. */
final class CrashRig {
    final ReportStore reportStore;
    final TransactionStore transactions;
    final BlobStore blobs;
    final Reports reports;

    CrashRig(DataSource ds, Path blobDir, ReportStore reportStore, TransactionStore transactions) {
        this.reportStore = reportStore;
        this.transactions = transactions;
        this.blobs = new FileSystemBlobStore(blobDir);
        this.reports = new Reports(reportStore, transactions, blobs,
                new Auditor(new JdbcAuditLog(ds), Clock.systemUTC()), new IdGenerator(new SecureRandom()),
                Clock.systemUTC(), ReportSettings.DEFAULT);
    }

    static CrashRig plain(DataSource ds, Path blobDir) {
        return new CrashRig(ds, blobDir, new JdbcReportStore(ds), new JdbcTransactionStore(ds));
    }

    static JdbcConfig h2File(Path dir) {
        return JdbcConfig.of("jdbc:h2:file:" + dir.resolve("iep") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH", "", Secret.of("")).withPoolSize(2);
    }
}
