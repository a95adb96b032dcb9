package org.iep.testkit.memory;

import org.iep.api.spi.UserStore;
import org.iep.testkit.contract.UserStoreContract;

class InMemoryUserStoreContractTest extends UserStoreContract {
    @Override
    protected UserStore newStore() {
        return new InMemoryUserStore();
    }
}
