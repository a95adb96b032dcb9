package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.UserStore;
import org.iep.testkit.contract.UserStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcUserStore} against the {@link UserStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2UserStoreContractTest extends UserStoreContract {
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
    protected UserStore newStore() {
        db.reset();
        return new JdbcUserStore(db.dataSource());
    }
}
