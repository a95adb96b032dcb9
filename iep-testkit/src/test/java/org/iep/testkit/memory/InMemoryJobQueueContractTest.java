package org.iep.testkit.memory;

import org.iep.api.spi.JobQueue;
import org.iep.testkit.contract.JobQueueContract;

class InMemoryJobQueueContractTest extends JobQueueContract {
    @Override
    protected JobQueue newQueue() {
        return new InMemoryJobQueue();
    }
}
