package org.iep.adapters.dicom;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import java.util.Objects;
import org.iep.api.spi.DicomGateway;

/** Binds {@link DicomGateway} to {@link DimseDicomGateway} with the given configuration. Needs a BlobStore binding. */
public final class DicomAdapterModule extends AbstractModule {
    private final DicomAdapterConfig config;

    public DicomAdapterModule(DicomAdapterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(DicomAdapterConfig.class).toInstance(config);
        bind(DicomGateway.class).to(DimseDicomGateway.class).in(Singleton.class);
    }
}
