package org.iep.adapters.s3;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import org.iep.api.spi.BlobStore;

/** Binds {@link BlobStore} to {@link S3BlobStore} for {@code config}. No I/O until the store is first used. */
public final class S3Module extends AbstractModule {
    private final S3Config config;

    public S3Module(S3Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Provides
    @Singleton
    BlobStore blobStore() {
        return new S3BlobStore(config);
    }
}
