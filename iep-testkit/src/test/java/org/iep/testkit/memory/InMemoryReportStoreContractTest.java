package org.iep.testkit.memory;

import org.iep.api.spi.ReportStore;
import org.iep.testkit.contract.ReportStoreContract;

class InMemoryReportStoreContractTest extends ReportStoreContract {
    @Override
    protected ReportStore newStore() {
        return new InMemoryReportStore();
    }
}
