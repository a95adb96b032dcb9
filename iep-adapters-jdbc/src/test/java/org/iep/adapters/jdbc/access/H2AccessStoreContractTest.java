package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.AccessStore;
import org.iep.testkit.contract.AccessStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcAccessStore} against the {@link AccessStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2AccessStoreContractTest extends AccessStoreContract {
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
    protected AccessStore newStore() {
        db.reset();
        return new JdbcAccessStore(db.dataSource());
    }
}
