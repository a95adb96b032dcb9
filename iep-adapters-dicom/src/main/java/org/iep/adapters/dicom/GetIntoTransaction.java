package org.iep.adapters.dicom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.iep.api.IepException;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestSource;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.StoreHandler;
import org.iep.dicom.net.dimse.StoreRequest;

/**
 * Receives the C-STORE sub-operations of our own C-GET on its association and streams each instance into the
 * retrieving transaction through the core's ingest, whole or not at all; refusals become failure statuses, so the
 * peer counts them as failed sub-operations. Counts what it saw (one C-GET at a time on an association): the
 * gateway compares it with the peer's final counters, because instances iep-dicom refuses before any handler
 * (invalid UIDs) never reach this one.
 */
final class GetIntoTransaction implements StoreHandler {
    private final Ingest ingest;
    private final TransactionId target;
    private final IngestSource source;
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private int ingested;
    private int refused;

    GetIntoTransaction(Ingest ingest, TransactionId target, String sourceAe) {
        this.ingest = ingest;
        this.target = target;
        this.source = new IngestSource(PeerCheck.LISTENER, ClientInfo.INTERNAL, sourceAe);
    }

    @Override
    public Sink open(StoreRequest rq) {
        seen.add(rq.sopInstanceUid());
        byte[] header = IngestingStoreHandler.fileMeta(rq);
        return new Sink() {
            private int status = Status.CANNOT_UNDERSTAND;

            @Override
            public void receive(InputStream dataSet) throws IOException {
                try {
                    ingest.ingest(target, new SequenceInputStream(new ByteArrayInputStream(header), dataSet),
                            source);
                    status = Status.SUCCESS;
                    ingested++;
                } catch (IepException e) {
                    // the core audited why (instance.store DENIED)
                    status = IngestingStoreHandler.statusOf(e);
                    refused++;
                }
            }

            @Override
            public int commit() {
                return status;
            }

            @Override
            public void discard() {
                // ingest keeps an instance whole or not at all
            }
        };
    }

    /** Instances ingested (stored, or already there with the same content). */
    int ingested() {
        return ingested;
    }

    /** SOP Instance UIDs of the instances that reached this handler (ingested or refused). */
    java.util.Set<String> seen() {
        return seen;
    }

    /** Instances the core's ingest refused. */
    int refused() {
        return refused;
    }
}
