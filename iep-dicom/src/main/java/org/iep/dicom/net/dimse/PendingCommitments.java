package org.iep.dicom.net.dimse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;

/**
 * The storage commitment requests we sent and whose N-EVENT-REPORT has not come yet, by Transaction UID. A report
 * may arrive on the requesting association or on a new one to our SCP ({@link DicomServer} with
 * {@link ServerConfig#withCommitmentReports}); either completes the waiting requester. Bounded: more than
 * {@code capacity} open requests are refused, and a report is taken only from the AE title the request went to.
 * Thread-safe.
 */
public final class PendingCommitments {
    private final int capacity;
    private final Map<String, Pending> open = new ConcurrentHashMap<>();

    public PendingCommitments(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Requests waiting for their report now. */
    public int size() {
        return open.size();
    }

    /**
     * Registers a request before it is sent (a fast SCP may report before the N-ACTION-RSP is read). Throws
     * NET_DIMSE_FAILED when {@code capacity} requests are open or the Transaction UID is already waiting.
     */
    public Pending register(String transactionUid, String peerAeTitle) {
        synchronized (open) {
            if (open.size() >= capacity) {
                throw new DicomNetException(DicomErrorCode.NET_DIMSE_FAILED, capacity + " storage commitment"
                        + " requests are already waiting for their report; try again later");
            }
            Pending p = new Pending(transactionUid, peerAeTitle.strip());
            if (open.putIfAbsent(transactionUid, p) != null) {
                throw new DicomNetException(DicomErrorCode.NET_DIMSE_FAILED, "storage commitment transaction "
                        + transactionUid + " is already waiting for its report");
            }
            return p;
        }
    }

    /**
     * Hands a received report to its request. False (the report is answered with a failure status) when no request
     * waits for this Transaction UID or the report comes from another AE title than the one asked.
     */
    public boolean complete(String callingAeTitle, StorageCommitment.Result result) {
        Pending p = open.get(result.transactionUid());
        if (p == null || !p.peer.equals(callingAeTitle.strip())) {
            return false;
        }
        return p.future.complete(result);
    }

    /** One request waiting; {@link #close()} forgets it (always call it, e.g. in try-with-resources). */
    public final class Pending implements AutoCloseable {
        private final String transactionUid;
        private final String peer;
        private final CompletableFuture<StorageCommitment.Result> future = new CompletableFuture<>();

        private Pending(String transactionUid, String peer) {
            this.transactionUid = transactionUid;
            this.peer = peer;
        }

        public String transactionUid() {
            return transactionUid;
        }

        /** Completes from the requesting association (the report came back on it). */
        void complete(StorageCommitment.Result result) {
            future.complete(result);
        }

        /** The report if it came within {@code wait}, else null. */
        StorageCommitment.Result poll(Duration wait) {
            try {
                return future.get(Math.max(wait.toMillis(), 0), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DicomNetException(DicomErrorCode.NET_TIMEOUT, "interrupted while waiting for the storage"
                        + " commitment report of " + transactionUid, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a commitment future is only ever completed normally", e);
            }
        }

        /** Blocks up to {@code timeout}; no report by then throws NET_TIMEOUT. */
        public StorageCommitment.Result await(Duration timeout) {
            StorageCommitment.Result r = poll(timeout);
            if (r == null) {
                throw timeout(timeout);
            }
            return r;
        }

        DicomNetException timeout(Duration timeout) {
            return new DicomNetException(DicomErrorCode.NET_TIMEOUT, "no storage commitment report for transaction "
                    + transactionUid + " from " + peer + " within " + timeout.toMillis() + " ms");
        }

        @Override
        public void close() {
            open.remove(transactionUid, this);
        }
    }
}
