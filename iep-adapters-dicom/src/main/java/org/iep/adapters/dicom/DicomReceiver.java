package org.iep.adapters.dicom;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.TransactionStore;
import org.iep.core.audit.Auditor;
import org.iep.core.direct.DirectRouting;
import org.iep.core.ingest.Ingest;
import org.iep.dicom.DicomException;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.PendingCommitments;
import org.iep.dicom.net.dimse.ServerConfig;

/**
 * The inbound storage SCP: verification and storage for the configured nodes only (anyone else gets
 * A-ASSOCIATE-RJ, audited); each instance goes through {@link InboundRoutes} to a transaction and into the core's
 * ingest, streamed. With {@link ReceiverConfig#calledAeTitles()} an unknown called AE title is rejected at
 * association (audited); an instance sent to a called AE title that routes nowhere is refused (0x0124), audited.
 */
public final class DicomReceiver implements AutoCloseable {
    private final DicomServer server;

    private DicomReceiver(DicomServer server) {
        this.server = server;
    }

    /** Starts listening; {@link #close()} stops. */
    public static DicomReceiver start(ReceiverConfig config, Ingest ingest, InboundRoutes routes, Auditor auditor) {
        return start(config, ingest, routes, Optional.empty(), auditor);
    }

    /**
     * Starts listening with direct routes besides {@code routes}: what a configured node pushes under a called AE
     * title of {@code direct} (and no retrieve claims) goes into that route's transaction for its patient.
     */
    public static DicomReceiver start(ReceiverConfig config, Ingest ingest, InboundRoutes routes,
                                      Optional<DirectRouting> direct, Auditor auditor) {
        return start(config, ingest, routes, direct, auditor, Optional.empty());
    }

    /**
     * As {@link #start(ReceiverConfig, Ingest, InboundRoutes, Optional, Auditor)}, also taking the storage
     * commitment reports configured nodes send on a new association for our requests
     * ({@link DimseDicomGateway#commitments()}); a node reporting must be among {@link ReceiverConfig#peers()}.
     */
    public static DicomReceiver start(ReceiverConfig config, Ingest ingest, InboundRoutes routes,
                                      Optional<DirectRouting> direct, Auditor auditor,
                                      Optional<PendingCommitments> commitmentReports) {
        return start(config, ingest, routes, direct, auditor, commitmentReports, Optional.empty());
    }

    /**
     * As above, and with {@code commitmentIndex} also the storage commitment SCP for the configured nodes: an
     * instance is committed to a node when {@code commitmentIndex} holds it, with the SOP Class UID asked, in a
     * transaction that node's instances went into through this receiver since it started. Requests, reports and
     * refusals are audited ({@code dicom.commitment}).
     */
    public static DicomReceiver start(ReceiverConfig config, Ingest ingest, InboundRoutes routes,
                                      Optional<DirectRouting> direct, Auditor auditor,
                                      Optional<PendingCommitments> commitmentReports,
                                      Optional<InstanceIndex> commitmentIndex) {
        return start(config, ingest, routes, direct, auditor, commitmentReports, commitmentIndex, Optional.empty());
    }

    /**
     * As above; with {@code commitmentTransactions} an instance is also committed to a node when it is held in a
     * transaction that node is the source (a retrieve from it) or the sender (its direct-routed pushes) of, so the
     * answer survives a restart of the receiver.
     */
    public static DicomReceiver start(ReceiverConfig config, Ingest ingest, InboundRoutes routes,
                                      Optional<DirectRouting> direct, Auditor auditor,
                                      Optional<PendingCommitments> commitmentReports,
                                      Optional<InstanceIndex> commitmentIndex,
                                      Optional<TransactionStore> commitmentTransactions) {
        Objects.requireNonNull(commitmentTransactions, "commitmentTransactions");
        Objects.requireNonNull(commitmentIndex, "commitmentIndex");
        Objects.requireNonNull(commitmentReports, "commitmentReports");
        Objects.requireNonNull(direct, "direct");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(auditor, "auditor");
        PeerCheck peers = new PeerCheck(config.peers(), auditor);
        FedTransactions fed = new FedTransactions();
        NetOptions options = config.tls().map(t -> NetOptions.defaults().withTls(t.context(), true))
                .orElse(NetOptions.defaults());
        ServerConfig sc = new ServerConfig(null, peers::allowed, config.maxAssociations(), options,
                new IngestingStoreHandler(ingest, routes, direct, peers, auditor, fed), null,
                new AuditingNetListener(auditor));
        if (commitmentIndex.isPresent()) {
            sc = sc.withCommitment(new ReceiverCommitments(config.peers(), commitmentIndex.get(), fed,
                    commitmentTransactions).scp(options));
        }
        if (commitmentReports.isPresent()) {
            sc = sc.withCommitmentReports(commitmentReports.get());
        }
        if (!config.calledAeTitles().isEmpty()) {
            sc = sc.withCalledAllowed(config.calledAeTitles()::contains);
        }
        try {
            return new DicomReceiver(DicomServer.start(sc, InetAddress.getByName(config.bindAddress()),
                    config.port()));
        } catch (UnknownHostException | DicomException e) {
            throw new DicomGatewayException(DicomAdapterErrorCode.LISTENER_FAILED, "cannot listen on "
                    + config.bindAddress() + ":" + config.port() + ": " + e.getMessage(), false, e);
        }
    }

    /** The port listened on (the chosen one when configured as 0). */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
