package org.iep.testkit.memory;

import org.iep.api.spi.InstanceIndex;
import org.iep.testkit.contract.InstanceIndexContract;

class InMemoryInstanceIndexContractTest extends InstanceIndexContract {
    @Override
    protected InstanceIndex newIndex() {
        return new InMemoryInstanceIndex();
    }
}
