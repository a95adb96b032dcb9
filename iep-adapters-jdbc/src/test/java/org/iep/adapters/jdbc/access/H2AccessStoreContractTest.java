package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.AccessStore;
import org.iep.testkit.contract.AccessStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcAccessStore} against the {@link AccessStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2AccessStoreContractTest extends AccessStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected AccessStore newStore() {
        return new JdbcAccessStore(DB.fresh());
    }
}
