package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.NodeStore;
import org.iep.testkit.contract.NodeStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcNodeStore} against the {@link NodeStoreContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresNodeStoreContractTest extends NodeStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected NodeStore newStore() {
        return new JdbcNodeStore(DB.fresh());
    }
}
