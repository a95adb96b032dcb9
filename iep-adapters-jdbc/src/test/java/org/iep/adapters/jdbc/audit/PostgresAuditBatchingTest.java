package org.iep.adapters.jdbc.audit;

import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresAuditBatchingTest {

    @Test
    void aRefusedEventFailsOnlyItsOwnAppend(PostgresCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.postgres(cluster)) {
            AuditBatching.aRefusedEventFailsOnlyItsOwnAppend(db.dataSource());
        }
    }
}
