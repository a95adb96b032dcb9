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
 * peer counts them as failed sub-operations.
 */
final class GetIntoTransaction implements StoreHandler {
    private final Ingest ingest;
    private final TransactionId target;
    private final IngestSource source;

    GetIntoTransaction(Ingest ingest, TransactionId target, String sourceAe) {
        this.ingest = ingest;
        this.target = target;
        this.source = new IngestSource(PeerCheck.LISTENER, ClientInfo.INTERNAL, sourceAe);
    }

    @Override
    public Sink open(StoreRequest rq) {
        byte[] header = IngestingStoreHandler.fileMeta(rq);
        return new Sink() {
            private int status = Status.CANNOT_UNDERSTAND;

            @Override
            public void receive(InputStream dataSet) throws IOException {
                try {
                    ingest.ingest(target, new SequenceInputStream(new ByteArrayInputStream(header), dataSet),
                            source);
                    status = Status.SUCCESS;
                } catch (IepException e) {
                    status = IngestingStoreHandler.statusOf(e);
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
}
