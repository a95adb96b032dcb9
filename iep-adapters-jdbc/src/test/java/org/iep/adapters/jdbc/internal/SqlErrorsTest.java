package org.iep.adapters.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.iep.adapters.jdbc.DatabaseException;
import org.iep.adapters.jdbc.JdbcErrorCode;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void uniqueViolationsAreDuplicates() {
        IepException e = SqlErrors.translate(new SQLException("dup", "23505"), "Storing x");

        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.errorCode()).isEqualTo(CoreErrorCode.DUPLICATE);
        assertThat(e.getMessage()).startsWith("IEP-1202: Storing x failed");
    }

    @Test
    void lostConnectionsShutdownsAndPoolTimeoutsAreRetryableUnavailability() {
        for (SQLException cause : new SQLException[] {new SQLException("io", "08006"),
            new SQLException("admin shutdown", "57P01"), new SQLException("starting up", "57P03"),
            new SQLTransientConnectionException("pool timed out")}) {
            assertDatabase(SqlErrors.translate(cause, "Doing"), JdbcErrorCode.DATABASE_UNAVAILABLE, true);
        }
    }

    @Test
    void serializationFailuresDeadlocksAndLockTimeoutsAreRetryable() {
        for (String state : new String[] {"40001", "40P01", "55P03", "HYT00"}) {
            assertDatabase(SqlErrors.translate(new SQLException("x", state), "Doing"),
                    JdbcErrorCode.TRANSIENT_CONFLICT, true);
        }
    }

    @Test
    void missingPrivilegesAndOtherFailuresAreNotRetryable() {
        assertDatabase(SqlErrors.translate(new SQLException("denied", "42501"), "Doing"),
                JdbcErrorCode.PERMISSION_DENIED, false);
        assertDatabase(SqlErrors.translate(new SQLException("no such table", "42P01"), "Doing"),
                JdbcErrorCode.STATEMENT_FAILED, false);
        assertDatabase(SqlErrors.translate(new SQLException("no state"), "Doing"), JdbcErrorCode.STATEMENT_FAILED,
                false);
    }

    @Test
    void valuesQuotedByTheDriverStayOutOfTheMessage() {
        IepException e = SqlErrors.translate(new SQLException("Value too long: 'SMITH^JOHN 1970-01-01'", "22001"),
                "Storing x");

        assertThat(e.getMessage()).doesNotContain("SMITH");
        assertThat(e.getCause().getMessage()).contains("SMITH");
    }

    private static void assertDatabase(IepException e, JdbcErrorCode code, boolean retryable) {
        assertThat(e).isInstanceOf(DatabaseException.class);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).startsWith(code.code() + ": Doing");
        assertThat(e.getCause()).isNotNull();
    }
}
