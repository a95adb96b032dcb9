package org.iep.adapters.jdbc.report;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.ReportStore;
import org.iep.testkit.contract.ReportStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcReportStore} against the {@link ReportStoreContract} on an H2 in-memory database (PostgreSQL mode). */
class H2ReportStoreContractTest extends ReportStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected ReportStore newStore() {
        return new JdbcReportStore(DB.fresh());
    }
}
