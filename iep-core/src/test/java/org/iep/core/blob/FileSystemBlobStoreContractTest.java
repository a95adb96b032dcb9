package org.iep.core.blob;

import java.nio.file.Path;
import java.util.Set;
import org.iep.api.spi.BlobStore;
import org.iep.testkit.contract.BlobStoreContract;
import org.iep.testkit.contract.Capability;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreContractTest extends BlobStoreContract {
    @TempDir
    Path root;

    @Override
    protected BlobStore newStore() {
        return new FileSystemBlobStore(root);
    }

    @Override
    protected Set<Capability> capabilities() {
        return Set.of(Capability.STREAMING, Capability.DURABLE);
    }

    @Override
    protected BlobStore reopen() {
        return new FileSystemBlobStore(root);
    }
}
