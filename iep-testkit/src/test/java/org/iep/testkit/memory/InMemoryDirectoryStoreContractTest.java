package org.iep.testkit.memory;

import org.iep.api.spi.DirectoryStore;
import org.iep.testkit.contract.DirectoryStoreContract;

class InMemoryDirectoryStoreContractTest extends DirectoryStoreContract {
    @Override
    protected DirectoryStore newStore() {
        return new InMemoryDirectoryStore();
    }
}
