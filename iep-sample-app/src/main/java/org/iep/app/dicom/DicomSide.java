package org.iep.app.dicom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iep.adapters.dicom.DicomAdapterConfig;
import org.iep.adapters.dicom.DicomDeliveryHandler;
import org.iep.adapters.dicom.DicomReceiver;
import org.iep.adapters.dicom.DimseDicomGateway;
import org.iep.adapters.dicom.ReceiverConfig;
import org.iep.api.Problem;
import org.iep.api.directory.Institution;
import org.iep.api.directory.Node;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.TransactionStore;
import org.iep.app.config.DicomSettings;
import org.iep.app.config.InvalidAppConfigException;
import org.iep.app.work.Workers;
import org.iep.core.audit.Auditor;
import org.iep.core.delivery.DeliveryLanes;
import org.iep.core.delivery.OutboundLanes;
import org.iep.core.direct.DirectRoute;
import org.iep.core.direct.DirectRouting;
import org.iep.core.policy.IepPolicy;
import org.iep.core.wiring.IepCore;

/**
 * Starts the SCP (configured nodes only; retrieves and direct routes), and gives the periodic work that moves
 * images on: the delivery lanes and the closing of stable direct-routed studies. {@link #close} stops the SCP.
 */
public final class DicomSide implements AutoCloseable {
    private final DicomReceiver receiver;
    private final OutboundLanes lanes;
    private final DirectRouting direct;

    /** The stores the DICOM side works on, as the injector provides them. */
    public record Stores(TransactionStore transactions, DirectoryStore directory, NodeStore nodes,
                         InstanceIndex index, BlobStore blobs, JobQueue jobs, AuditLog audit) {
    }

    private DicomSide(DicomReceiver receiver, OutboundLanes lanes, DirectRouting direct) {
        this.receiver = receiver;
        this.lanes = lanes;
        this.direct = direct;
    }

    /**
     * Resolves the routes (every problem at once, as configuration problems), builds the gateway and delivery
     * handler, and starts listening.
     */
    public static DicomSide start(DicomSettings settings, IepCore core, Stores stores, IepPolicy policy,
                                  java.time.Clock clock) {
        DirectRouting direct = core.directRouting(routes(settings, stores), settings.stableAge());
        Auditor auditor = new Auditor(stores.audit(), clock);
        DicomAdapterConfig adapter = DicomAdapterConfig.of(settings.aeTitle());
        for (var commitment : settings.storageCommitment().entrySet()) {
            adapter = adapter.withStorageCommitment(commitment.getKey(), commitment.getValue());
        }
        DicomAdapterConfig configured = adapter;
        DimseDicomGateway gateway = new DimseDicomGateway(settings.tls().map(configured::withTls).orElse(configured),
                stores.blobs(), core.ingest(), auditor);
        OutboundLanes lanes = new OutboundLanes(stores.jobs(), stores.transactions(), stores.directory(),
                new DeliveryLanes(policy), new DicomDeliveryHandler(gateway, stores.nodes(), stores.index(),
                        core.transactions(), auditor));
        // the peers are the nodes known at start; a node added later is let in after a restart
        List<Node> peers = new ArrayList<>();
        stores.directory().institutions().forEach(i -> peers.addAll(stores.nodes().owned(i.id())));
        // our own title (retrieves) and the direct routes' titles; any other called AE title is rejected
        java.util.Set<String> titles = new java.util.HashSet<>(direct.calledAeTitles());
        titles.add(settings.aeTitle());
        DicomReceiver receiver = DicomReceiver.start(new ReceiverConfig(settings.bindAddress(), settings.port(),
                peers, settings.maxAssociations(), titles), core.ingest(), gateway.retrievals(), Optional.of(direct),
                auditor, Optional.of(gateway.commitments()), Optional.of(stores.index()),
                Optional.of(stores.transactions()));
        return new DicomSide(receiver, lanes, direct);
    }

    /** Deliveries every 2 s, stable direct-routed studies every 5 s. */
    public List<Workers.Periodic> periodic() {
        return List.of(new Workers.Periodic("deliveries", Duration.ofSeconds(2), lanes::runOnce),
                new Workers.Periodic("direct routing", Duration.ofSeconds(5), direct::closeStable));
    }

    public int port() {
        return receiver.port();
    }

    public DirectRouting directRouting() {
        return direct;
    }

    private static List<DirectRoute> routes(DicomSettings settings, Stores stores) {
        List<DirectRoute> routes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (DicomSettings.Route r : settings.routes()) {
            Optional<Institution> source = stores.directory().institutionByCode(r.sourceCode());
            Optional<Institution> recipient = stores.directory().institutionByCode(r.recipientCode());
            if (source.isEmpty() || recipient.isEmpty()) {
                problems.add(new Problem("iep.dicom.routes", r.calledAe() + ": no institution with code "
                        + (source.isEmpty() ? r.sourceCode() : r.recipientCode())));
                continue;
            }
            Optional<Node> node = Optional.empty();
            if (r.nodeAe().isPresent()) {
                node = stores.nodes().owned(recipient.get().id()).stream()
                        .filter(n -> n.aeTitle().strip().equals(r.nodeAe().get())).findFirst();
                if (node.isEmpty()) {
                    problems.add(new Problem("iep.dicom.routes", r.calledAe() + ": " + r.recipientCode()
                            + " has no node " + r.nodeAe().get()));
                    continue;
                }
            }
            routes.add(new DirectRoute(r.calledAe(), source.get().id(), recipient.get().id(),
                    node.map(Node::id), org.iep.api.transaction.Priority.NORMAL));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAppConfigException(problems);
        }
        return routes;
    }

    @Override
    public void close() {
        receiver.close();
    }
}
