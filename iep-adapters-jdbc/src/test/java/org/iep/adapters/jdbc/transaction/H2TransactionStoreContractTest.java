package org.iep.adapters.jdbc.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.TransactionStore;
import org.iep.testkit.contract.Capability;
import org.iep.testkit.contract.TransactionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcTransactionStore} against the {@link TransactionStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2TransactionStoreContractTest extends TransactionStoreContract {
    private static TestDatabase db;
    private final List<JdbcDatabase> reopened = new ArrayList<>();

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
