package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.UserStore;
import org.iep.testkit.contract.UserStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link JdbcUserStore} against the {@link UserStoreContract} on a real PostgreSQL (the throwaway cluster of {@link PostgresExtension}). */
@ExtendWith(PostgresExtension.class)
class PostgresUserStoreContractTest extends UserStoreContract {
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
    protected UserStore newStore() {
        db.reset();
        return new JdbcUserStore(db.dataSource());
    }
}
