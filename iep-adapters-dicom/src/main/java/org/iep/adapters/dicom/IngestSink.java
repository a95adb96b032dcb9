package org.iep.adapters.dicom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.iep.api.IepException;
import org.iep.core.ingest.IngestSource;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.StoreHandler;

/**
 * One received C-STORE data set fed to the core's ingest behind a fresh file meta, streamed, so the instance is
 * never held in memory. Ingest keeps an instance whole or not at all, so committing only reports the status and
 * discarding has nothing to undo. The core's refusals become statuses ({@link IngestingStoreHandler#statusOf}), in
 * one place for the inbound SCP and for C-GET sub-operations.
 */
final class IngestSink implements StoreHandler.Sink {
    /** Where an instance goes: a transaction, or a direct route that picks one by patient. */
    @FunctionalInterface
    interface Destination {
        void ingest(InputStream part10, IngestSource source);
    }

    private final Destination destination;
    private final byte[] fileMeta;
    private final IngestSource source;
    private final boolean failAssociationWhenOutOfResources;
    private int status = Status.CANNOT_UNDERSTAND;

    /**
     * @param failAssociationWhenOutOfResources an ingest that ran out of resources (storage down) also fails the
     *                                          association, so a pushing sender retries later
     */
    IngestSink(Destination destination, byte[] fileMeta, IngestSource source,
               boolean failAssociationWhenOutOfResources) {
        this.destination = destination;
        this.fileMeta = fileMeta;
        this.source = source;
        this.failAssociationWhenOutOfResources = failAssociationWhenOutOfResources;
    }

    @Override
    public void receive(InputStream dataSet) throws IOException {
        try {
            destination.ingest(new SequenceInputStream(new ByteArrayInputStream(fileMeta), dataSet), source);
            status = Status.SUCCESS;
        } catch (IepException e) {
            // the core audited why (instance.store DENIED)
            status = IngestingStoreHandler.statusOf(e);
            if (failAssociationWhenOutOfResources && status == Status.OUT_OF_RESOURCES) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    @Override
    public int commit() {
        return status; // ingest already made the instance durable, or kept nothing
    }

    @Override
    public void discard() {
        // ingest keeps an instance whole or not at all: nothing to undo
    }
}
