package org.iep.adapters.jdbc.report;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.ReportStore;
import org.iep.testkit.contract.ReportStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link JdbcReportStore} against the {@link ReportStoreContract} on a real PostgreSQL (the throwaway cluster of
 * {@link org.iep.adapters.jdbc.PostgresExtension}).
 */
class PostgresReportStoreContractTest extends ReportStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected ReportStore newStore() {
        return new JdbcReportStore(DB.fresh());
    }
}
