package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.SessionStore;
import org.iep.testkit.contract.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcSessionStore} against the {@link SessionStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2SessionStoreContractTest extends SessionStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected SessionStore newStore() {
        return new JdbcSessionStore(DB.fresh());
    }
}
