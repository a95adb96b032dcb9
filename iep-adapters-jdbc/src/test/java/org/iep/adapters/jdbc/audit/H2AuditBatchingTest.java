package org.iep.adapters.jdbc.audit;

import org.iep.adapters.jdbc.TestDatabase;
import org.junit.jupiter.api.Test;

class H2AuditBatchingTest {

    @Test
    void aRefusedEventFailsOnlyItsOwnAppend() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            AuditBatching.aRefusedEventFailsOnlyItsOwnAppend(db.dataSource());
        }
    }
}
