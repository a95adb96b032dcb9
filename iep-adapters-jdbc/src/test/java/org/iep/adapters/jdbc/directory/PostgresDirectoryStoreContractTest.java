package org.iep.adapters.jdbc.directory;

import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.DirectoryStore;
import org.iep.testkit.contract.DirectoryStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link JdbcDirectoryStore} against the {@link DirectoryStoreContract} on a real PostgreSQL (the throwaway cluster of {@link PostgresExtension}). */
@ExtendWith(PostgresExtension.class)
class PostgresDirectoryStoreContractTest extends DirectoryStoreContract {
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
    protected DirectoryStore newStore() {
        db.reset();
        return new JdbcDirectoryStore(db.dataSource());
    }
}
