package org.iep.adapters.jdbc.unit;

import javax.sql.DataSource;
import org.iep.adapters.jdbc.ContractDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link UnitOfWorkCases} on PostgreSQL (the throwaway cluster). */
class PostgresUnitOfWorkTest extends UnitOfWorkCases {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected DataSource fresh() {
        return DB.fresh();
    }
}
