package org.iep.testkit.memory;

import org.iep.api.spi.NodeStore;
import org.iep.testkit.contract.NodeStoreContract;

class InMemoryNodeStoreContractTest extends NodeStoreContract {
    @Override
    protected NodeStore newStore() {
        return new InMemoryNodeStore();
    }
}
