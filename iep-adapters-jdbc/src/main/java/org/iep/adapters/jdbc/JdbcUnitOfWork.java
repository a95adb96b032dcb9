package org.iep.adapters.jdbc;

import jakarta.inject.Inject;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.spi.UnitOfWork;

/**
 * One database transaction for every {@code Jdbc*} store call the calling thread makes inside {@link #inOne} on
 * the same {@link DataSource}: each call runs within a savepoint of it (so a failed call, such as an optimistic
 * update that lost, undoes only itself), the audit log writes on it instead of batching with other threads, and
 * one commit ends it. Thread-safe; units of different threads are independent.
 */
public final class JdbcUnitOfWork implements UnitOfWork {
    private final Sql sql;

    @Inject
    public JdbcUnitOfWork(DataSource dataSource) {
        this.sql = new Sql(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public <T> T inOne(String action, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return sql.unit(action, work);
    }
}
