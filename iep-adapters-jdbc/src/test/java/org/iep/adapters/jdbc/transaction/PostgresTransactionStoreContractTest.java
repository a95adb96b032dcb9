package org.iep.adapters.jdbc.transaction;

import java.util.Set;
import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.TransactionStore;
import org.iep.testkit.contract.Capability;
import org.iep.testkit.contract.TransactionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcTransactionStore} against the {@link TransactionStoreContract} on a real PostgreSQL (the throwaway cluster of {@link org.iep.adapters.jdbc.PostgresExtension}). */
class PostgresTransactionStoreContractTest extends TransactionStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.postgres();

    @Override
    protected TransactionStore newStore() {
        return new JdbcTransactionStore(DB.fresh());
    }

    @Override
    protected Set<Capability> capabilities() {
        return Set.of(Capability.DURABLE);
    }

    @Override
    protected TransactionStore reopen() {
        return new JdbcTransactionStore(DB.reopened());
    }
}
