package org.iep.adapters.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database of one contract test class, registered as a static {@code @RegisterExtension} field: opened before
 * the class, emptied for each store the contract asks for, closed after the class; second pools opened by a test
 * ({@link #reopened()}) are closed after that test. Used from the test thread only.
 */
public final class ContractDatabase implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final Function<ExtensionContext, TestDatabase> opener;
    private final List<JdbcDatabase> reopened = new ArrayList<>();
    private TestDatabase database;

    private ContractDatabase(Function<ExtensionContext, TestDatabase> opener) {
        this.opener = opener;
    }

    /** A fresh H2 in-memory database in PostgreSQL mode. */
    public static ContractDatabase h2() {
        return new ContractDatabase(context -> TestDatabase.h2());
    }

    /** A fresh database in the run's throwaway PostgreSQL cluster (skipped, or failed on CI, without PostgreSQL). */
    public static ContractDatabase postgres() {
        return new ContractDatabase(context -> TestDatabase.postgres(PostgresExtension.cluster(context)));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = opener.apply(context);
    }

    /** The database emptied, for a new store under test. */
    public DataSource fresh() {
        database.reset();
        return database.dataSource();
    }

    /** A second, independent pool on the same database: what a restarted or another node sees. */
    public DataSource reopened() {
        JdbcDatabase second = database.open();
        reopened.add(second);
        return second.dataSource();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reopened.forEach(JdbcDatabase::close);
        reopened.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
    }
}
