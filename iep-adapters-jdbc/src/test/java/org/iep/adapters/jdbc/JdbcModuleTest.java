package org.iep.adapters.jdbc;

import org.iep.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.SessionStore;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UserStore;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;

class JdbcModuleTest {

    @Test
    void bindsEveryStorePortToOneMigratedDatabase() {
        String url = "jdbc:h2:mem:module-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH";
        Injector injector = Guice.createInjector(new JdbcModule(JdbcConfig.of(url, "", Secret.of(""))));
        try (JdbcDatabase database = injector.getInstance(JdbcDatabase.class)) {
            TransactionStore transactions = injector.getInstance(TransactionStore.class);
            assertThat(transactions).isInstanceOf(JdbcTransactionStore.class)
                    .isSameAs(injector.getInstance(TransactionStore.class));
            for (Class<?> port : new Class<?>[] {DirectoryStore.class, UserStore.class, NodeStore.class,
                AccessStore.class, SessionStore.class, AuditLog.class, JobQueue.class}) {
                assertThat(injector.getInstance(port).getClass().getSimpleName()).startsWith("Jdbc");
            }
            assertThat(injector.getExistingBinding(Key.get(DataSource.class))).as("kept private").isNull();
            transactions.commit(TransactionChanges.insert(Transactions.transfer(1).build()));
            injector.getInstance(DirectoryStore.class).putInstitution(Fixtures.STEE);

            assertThat(new JdbcTransactionStore(database.dataSource()).find(Transactions.transfer(1).build().id()))
                    .as("the stores use the exposed database").isPresent();
            assertThat(injector.getInstance(DirectoryStore.class).institutionByCode("STEE")).contains(Fixtures.STEE);
        }
    }

    @Test
    void theInjectorIsCreatedWithoutConnectingAndAnUnreachableDatabaseFailsRetryablyOnFirstUse() {
        JdbcConfig unreachable = JdbcConfig.of("jdbc:postgresql://127.0.0.1:1/iep", "iep", Secret.of("x"))
                .withConnectionTimeout(Duration.ofMillis(500));

        Injector injector = Guice.createInjector(new JdbcModule(unreachable));

        assertThatThrownBy(() -> injector.getInstance(TransactionStore.class))
                .isInstanceOf(ProvisionException.class).cause()
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(JdbcErrorCode.DATABASE_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).startsWith("IEP-2001: ").doesNotContain("Secret[").contains("iep");
                });
    }
}
