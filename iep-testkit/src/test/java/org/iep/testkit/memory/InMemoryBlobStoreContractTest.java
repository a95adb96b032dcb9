package org.iep.testkit.memory;

import java.util.Set;
import org.iep.api.spi.BlobStore;
import org.iep.testkit.contract.BlobStoreContract;
import org.iep.testkit.contract.Capability;

class InMemoryBlobStoreContractTest extends BlobStoreContract {
    @Override
    protected BlobStore newStore() {
        return new InMemoryBlobStore();
    }

    /** Blobs live on the heap, so it neither streams in constant memory nor outlives the instance. */
    @Override
    protected Set<Capability> capabilities() {
        return Set.of();
    }
}
