package org.iep.testkit.memory;

import org.iep.api.spi.AccessStore;
import org.iep.testkit.contract.AccessStoreContract;

class InMemoryAccessStoreContractTest extends AccessStoreContract {
    @Override
    protected AccessStore newStore() {
        return new InMemoryAccessStore();
    }
}
