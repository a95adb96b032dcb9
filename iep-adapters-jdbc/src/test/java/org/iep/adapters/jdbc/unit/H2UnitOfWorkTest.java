package org.iep.adapters.jdbc.unit;

import javax.sql.DataSource;
import org.iep.adapters.jdbc.ContractDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link UnitOfWorkCases} on H2 in PostgreSQL mode, the embedded default. */
class H2UnitOfWorkTest extends UnitOfWorkCases {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected DataSource fresh() {
        return DB.fresh();
    }
}
