package org.iep.adapters.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iep.api.directory.Node;
import org.iep.api.spi.StoredInstance;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.PendingCommitments;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.StorageCommitment;

/**
 * Asks a node to commit instances it acknowledged (Storage Commitment Push Model), in requests of at most
 * {@value StorageCommitment#MAX_ITEMS} instances, each with a fresh Transaction UID. The report comes back on the
 * request's association or on a new one to our {@link DicomReceiver}, which hands it to {@link #pending()}.
 */
final class StorageCommitter {
    /** Open requests at once over all deliveries; more wait for a retry. */
    static final int CAPACITY = 64;

    private final Connections connections;
    private final PendingCommitments pending = new PendingCommitments(CAPACITY);

    StorageCommitter(Connections connections) {
        this.connections = connections;
    }

    PendingCommitments pending() {
        return pending;
    }

    CommitmentOutcome commit(Node node, List<StoredInstance> instances, Duration wait) {
        int committed = 0;
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < instances.size(); from += StorageCommitment.MAX_ITEMS) {
            List<StorageCommitment.Ref> refs = instances.subList(from, Math.min(instances.size(),
                    from + StorageCommitment.MAX_ITEMS)).stream()
                    .map(i -> new StorageCommitment.Ref(i.sopClassUid(), i.sopInstanceUid())).toList();
            StorageCommitment.Result r = request(node, new StorageCommitment.Request(transactionUid(), refs), wait);
            committed += r.committed().size();
            r.failed().forEach(f -> failed.add(f.ref().sopInstanceUid() + "=" + Status.hex(f.reason())));
        }
        return new CommitmentOutcome(instances.size(), committed, failed);
    }

    private StorageCommitment.Result request(Node node, StorageCommitment.Request rq, Duration wait) {
        try (DimseClient c = connections.openForCommitment(node)) {
            return c.commit(rq, pending, wait);
        } catch (DicomNetException e) {
            if (e.code() == DicomErrorCode.NET_TIMEOUT) {
                throw new DicomGatewayException(DicomAdapterErrorCode.COMMITMENT_TIMEOUT, "storage commitment on "
                        + node.aeTitle() + " (waiting at most " + wait.toSeconds() + " s): " + e.getMessage(), true, e);
            }
            if (e.code() == DicomErrorCode.NET_DIMSE_FAILED) {
                throw new DicomGatewayException(DicomAdapterErrorCode.COMMITMENT_FAILED, "storage commitment on "
                        + node.aeTitle() + " failed: " + e.getMessage(), true, e);
            }
            throw Connections.translate(node, "storage commitment", e);
        }
    }

    /** A UUID-derived UID (PS3.5 B.2): unique without a registered root. */
    static String transactionUid() {
        UUID u = UUID.randomUUID();
        byte[] b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
        return "2.25." + new BigInteger(1, b);
    }
}
