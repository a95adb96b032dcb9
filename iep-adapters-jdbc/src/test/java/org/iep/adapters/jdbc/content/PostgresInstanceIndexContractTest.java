package org.iep.adapters.jdbc.content;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.InstanceIndex;
import org.iep.testkit.contract.InstanceIndexContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcInstanceIndex} against the {@link InstanceIndexContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresInstanceIndexContractTest extends InstanceIndexContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected InstanceIndex newIndex() {
        return new JdbcInstanceIndex(DB.fresh());
    }
}
