package org.iep.adapters.jdbc.job;

import java.util.Set;
import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.JobQueue;
import org.iep.testkit.contract.Capability;
import org.iep.testkit.contract.JobQueueContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcJobQueue} against the {@link JobQueueContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresJobQueueContractTest extends JobQueueContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected JobQueue newQueue() {
        return new JdbcJobQueue(DB.fresh());
    }

    @Override
    protected Set<Capability> capabilities() {
        return Set.of(Capability.DURABLE);
    }

    @Override
    protected JobQueue reopen() {
        return new JdbcJobQueue(DB.reopened());
    }
}
