package org.iep.testkit.memory;

import org.iep.api.spi.AuditLog;
import org.iep.testkit.contract.AuditLogContract;

class InMemoryAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
