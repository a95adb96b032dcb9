package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.NodeStore;
import org.iep.testkit.contract.NodeStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcNodeStore} against the {@link NodeStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2NodeStoreContractTest extends NodeStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected NodeStore newStore() {
        return new JdbcNodeStore(DB.fresh());
    }
}
