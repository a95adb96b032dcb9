package org.iep.adapters.jdbc.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.TransactionStore;
import org.iep.testkit.contract.Capability;
import org.iep.testkit.contract.TransactionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link JdbcTransactionStore} against the {@link TransactionStoreContract} on a real PostgreSQL (the throwaway cluster of {@link PostgresExtension}). */
@ExtendWith(PostgresExtension.class)
class PostgresTransactionStoreContractTest extends TransactionStoreContract {
    private static TestDatabase db;
    private final List<JdbcDatabase> reopened = new ArrayList<>();

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
    protected TransactionStore newStore() {
        db.reset();
        return new JdbcTransactionStore(db.dataSource());
    }

    @AfterEach
    void closeReopened() {
        reopened.forEach(JdbcDatabase::close);
    }

    @Override
    protected Set<Capability> capabilities() {
        return Set.of(Capability.DURABLE);
    }

    /** A second, independent pool on the same database: what a restarted or another node sees. */
    @Override
    protected TransactionStore reopen() {
        JdbcDatabase second = db.open();
        reopened.add(second);
        return new JdbcTransactionStore(second.dataSource());
    }
}
