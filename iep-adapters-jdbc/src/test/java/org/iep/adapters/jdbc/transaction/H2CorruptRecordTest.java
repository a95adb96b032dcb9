package org.iep.adapters.jdbc.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.iep.adapters.jdbc.DatabaseException;
import org.iep.adapters.jdbc.JdbcErrorCode;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;

/** A stored document that no longer decodes is reported as such, naming the record, not as a parser crash. */
class H2CorruptRecordTest {

    @Test
    void anUndecodableDocumentFailsWithCorruptRecord() throws SQLException {
        try (TestDatabase db = TestDatabase.h2()) {
            JdbcTransactionStore store = new JdbcTransactionStore(db.dataSource());
            Transaction t = store.commit(TransactionChanges.insert(Transactions.transfer(1).build())).get(0);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE iep_transaction SET doc = '{\"id\":\"tx-1\"}'");
            }

            assertThatThrownBy(() -> store.find(t.id())).isInstanceOfSatisfying(DatabaseException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(JdbcErrorCode.CORRUPT_RECORD);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).startsWith("IEP-2005: The stored document of a transaction");
            });
        }
    }
}
