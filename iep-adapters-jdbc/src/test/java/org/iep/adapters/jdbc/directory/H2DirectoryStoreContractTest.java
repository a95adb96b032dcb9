package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.DirectoryStore;
import org.iep.testkit.contract.DirectoryStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcDirectoryStore} against the {@link DirectoryStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2DirectoryStoreContractTest extends DirectoryStoreContract {
    private static TestDatabase db;

    @BeforeAll
    static void startDatabase() {
        db = TestDatabase.h2();
    }

    @AfterAll
    static void stopDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected DirectoryStore newStore() {
        db.reset();
        return new JdbcDirectoryStore(db.dataSource());
    }
}
