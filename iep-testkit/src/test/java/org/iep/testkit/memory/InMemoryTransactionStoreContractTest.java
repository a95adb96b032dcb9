package org.iep.testkit.memory;

import org.iep.api.spi.TransactionStore;
import org.iep.testkit.contract.TransactionStoreContract;

class InMemoryTransactionStoreContractTest extends TransactionStoreContract {
    @Override
    protected TransactionStore newStore() {
        return new InMemoryTransactionStore();
    }
}
