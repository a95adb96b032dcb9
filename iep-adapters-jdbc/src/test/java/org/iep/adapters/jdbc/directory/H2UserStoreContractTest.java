package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.UserStore;
import org.iep.testkit.contract.UserStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcUserStore} against the {@link UserStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2UserStoreContractTest extends UserStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected UserStore newStore() {
        return new JdbcUserStore(DB.fresh());
    }
}
