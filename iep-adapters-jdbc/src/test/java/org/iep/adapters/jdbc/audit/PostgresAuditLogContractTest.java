package org.iep.adapters.jdbc.audit;

import java.util.Set;
import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.AuditLog;
import org.iep.testkit.contract.Capability;
import org.iep.testkit.contract.AuditLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcAuditLog} against the {@link AuditLogContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresAuditLogContractTest extends AuditLogContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected AuditLog newLog() {
        return new JdbcAuditLog(DB.fresh());
    }

    @Override
    protected Set<Capability> capabilities() {
        return Set.of(Capability.DURABLE);
    }

    @Override
    protected AuditLog reopen() {
        return new JdbcAuditLog(DB.reopened());
    }
}
