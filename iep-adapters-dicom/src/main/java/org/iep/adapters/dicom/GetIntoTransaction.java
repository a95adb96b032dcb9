package org.iep.adapters.dicom;

import org.iep.api.IepException;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestSource;
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
        // a refusal fails this sub-operation only; the retrieve goes on with the others
        return new IngestSink((in, src) -> {
            try {
                ingest.ingest(target, in, src);
                ingested++;
            } catch (IepException e) {
                refused++;
                throw e;
            }
        }, IngestingStoreHandler.fileMeta(rq), source, false);
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
