package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.AccessStore;
import org.iep.testkit.contract.AccessStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link JdbcAccessStore} against the {@link AccessStoreContract} on a real PostgreSQL (the throwaway cluster of {@link PostgresExtension}). */
@ExtendWith(PostgresExtension.class)
class PostgresAccessStoreContractTest extends AccessStoreContract {
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
    protected AccessStore newStore() {
        db.reset();
        return new JdbcAccessStore(db.dataSource());
    }
}
