package org.iep.adapters.jdbc.job;

import java.util.Set;
import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.JobQueue;
import org.iep.testkit.contract.Capability;
import org.iep.testkit.contract.JobQueueContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcJobQueue} against the {@link JobQueueContract} on an H2 in-memory database (PostgreSQL mode). */
class H2JobQueueContractTest extends JobQueueContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

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
