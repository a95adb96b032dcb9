package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.UserStore;
import org.iep.testkit.contract.UserStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcUserStore} against the {@link UserStoreContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresUserStoreContractTest extends UserStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected UserStore newStore() {
        return new JdbcUserStore(DB.fresh());
    }
}
