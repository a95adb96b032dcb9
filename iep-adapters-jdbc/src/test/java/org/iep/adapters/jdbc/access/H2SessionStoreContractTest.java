package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.SessionStore;
import org.iep.testkit.contract.SessionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcSessionStore} against the {@link SessionStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2SessionStoreContractTest extends SessionStoreContract {
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
    protected SessionStore newStore() {
        db.reset();
        return new JdbcSessionStore(db.dataSource());
    }
}
