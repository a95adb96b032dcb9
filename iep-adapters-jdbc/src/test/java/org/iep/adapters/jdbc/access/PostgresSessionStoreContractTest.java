package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.SessionStore;
import org.iep.testkit.contract.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcSessionStore} against the {@link SessionStoreContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresSessionStoreContractTest extends SessionStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected SessionStore newStore() {
        return new JdbcSessionStore(DB.fresh());
    }
}
