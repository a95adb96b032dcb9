package org.iep.adapters.jdbc.content;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.InstanceIndex;
import org.iep.testkit.contract.InstanceIndexContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcInstanceIndex} against the {@link InstanceIndexContract} on an H2 in-memory database (PostgreSQL mode). */
class H2InstanceIndexContractTest extends InstanceIndexContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected InstanceIndex newIndex() {
        return new JdbcInstanceIndex(DB.fresh());
    }
}
