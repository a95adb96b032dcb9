package org.iep.adapters.dicom;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import java.util.Objects;
import org.iep.api.spi.DicomGateway;
import org.iep.core.delivery.DeliveryHandler;

/**
 * Binds {@link DicomGateway} to {@link DimseDicomGateway} with the given configuration, and the core's
 * {@link DeliveryHandler} to {@link DicomDeliveryHandler}. Needs BlobStore, NodeStore, InstanceIndex, the core's
 * Transactions, Auditor and Ingest (C-GET retrieves stream into it). The inbound {@link DicomReceiver} holds a
 * socket, so it is started by the application
 * ({@code DicomReceiver.start}), not here.
 */
public final class DicomAdapterModule extends AbstractModule {
    private final DicomAdapterConfig config;

    public DicomAdapterModule(DicomAdapterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(DicomAdapterConfig.class).toInstance(config);
        bind(DimseDicomGateway.class).in(Singleton.class);
        bind(DicomGateway.class).to(DimseDicomGateway.class);
        bind(DeliveryHandler.class).to(DicomDeliveryHandler.class).in(Singleton.class);
    }
}
