package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.SessionStore;
import org.iep.testkit.contract.SessionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link JdbcSessionStore} against the {@link SessionStoreContract} on a real PostgreSQL (the throwaway cluster of {@link PostgresExtension}). */
@ExtendWith(PostgresExtension.class)
class PostgresSessionStoreContractTest extends SessionStoreContract {
    private static TestDatabase db;

    @BeforeAll
    static void startDatabase(PostgresCluster cluster) {
        db = TestDatabase.postgres(cluster);
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
