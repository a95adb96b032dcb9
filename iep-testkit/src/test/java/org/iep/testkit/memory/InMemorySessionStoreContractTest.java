package org.iep.testkit.memory;

import org.iep.api.spi.SessionStore;
import org.iep.testkit.contract.SessionStoreContract;

class InMemorySessionStoreContractTest extends SessionStoreContract {
    @Override
    protected SessionStore newStore() {
        return new InMemorySessionStore();
    }
}
