package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.AccessStore;
import org.iep.testkit.contract.AccessStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcAccessStore} against the {@link AccessStoreContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresAccessStoreContractTest extends AccessStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected AccessStore newStore() {
        return new JdbcAccessStore(DB.fresh());
    }
}
