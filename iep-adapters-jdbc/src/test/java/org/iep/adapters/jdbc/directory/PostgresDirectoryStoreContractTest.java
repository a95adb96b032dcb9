package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.DirectoryStore;
import org.iep.testkit.contract.DirectoryStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcDirectoryStore} against the {@link DirectoryStoreContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresDirectoryStoreContractTest extends DirectoryStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected DirectoryStore newStore() {
        return new JdbcDirectoryStore(DB.fresh());
    }
}
