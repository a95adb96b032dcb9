package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.DirectoryStore;
import org.iep.testkit.contract.DirectoryStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcDirectoryStore} against the {@link DirectoryStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2DirectoryStoreContractTest extends DirectoryStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected DirectoryStore newStore() {
        return new JdbcDirectoryStore(DB.fresh());
    }
}
