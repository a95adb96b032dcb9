package org.iep.adapters.s3;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.iep.api.spi.BlobStore;
import org.iep.testkit.contract.BlobStoreContract;
import org.iep.testkit.contract.Capability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The BlobStore contract against S3Proxy, each test in a fresh bucket. */
class S3BlobStoreContractTest extends BlobStoreContract {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static LocalS3 s3;
    private S3Config config;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = new LocalS3();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Override
    protected BlobStore newStore() {
        config = s3.config(s3.bucket("contract-" + BUCKETS.incrementAndGet()), "iep");
        return new S3BlobStore(config);
    }

    @Override
    protected Set<Capability> capabilities() {
        return Set.of(Capability.STREAMING, Capability.DURABLE);
    }

    @Override
    protected BlobStore reopen() {
        return new S3BlobStore(config);
    }
}
