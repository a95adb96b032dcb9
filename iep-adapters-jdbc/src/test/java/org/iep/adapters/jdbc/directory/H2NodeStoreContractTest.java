package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.NodeStore;
import org.iep.testkit.contract.NodeStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcNodeStore} against the {@link NodeStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2NodeStoreContractTest extends NodeStoreContract {
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
    protected NodeStore newStore() {
        db.reset();
        return new JdbcNodeStore(db.dataSource());
    }
}
