package org.iep.testkit.memory;

import org.iep.api.spi.PseudonymStore;
import org.iep.testkit.contract.PseudonymStoreContract;

class InMemoryPseudonymStoreContractTest extends PseudonymStoreContract {
    @Override
    protected PseudonymStore newStore() {
        return new InMemoryPseudonymStore();
    }
}
