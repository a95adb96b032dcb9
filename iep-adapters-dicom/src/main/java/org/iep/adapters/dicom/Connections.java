package org.iep.adapters.dicom;

import java.util.List;
import java.util.Optional;
import org.iep.api.directory.Node;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;

/** Opens associations to nodes and translates iep-dicom's network errors, in one place. */
final class Connections {
    private final DicomAdapterConfig config;
    private final NetOptions options;
    private final Optional<NetOptions> tlsOptions;

    /** Checks the TLS material, if any, at once: a broken key store fails the start, not the first delivery. */
    Connections(DicomAdapterConfig config) {
        this.config = config;
        this.options = new NetOptions(config.maxPdu(), config.maxPdu(), config.idleMillis(), config.idleMillis(),
                config.connectMillis(), null, false);
        this.tlsOptions = config.tls().map(t -> options.withTls(t.context(), false));
    }

    /** Connects proposing {@code contexts} (each: abstract syntax then transfer syntaxes). */
    DimseClient open(Node node, List<List<String>> contexts) {
        NetOptions o = optionsFor(node);
        try {
            return DimseClient.connect(node.host(), node.port(), config.aeTitle(), node.aeTitle(), contexts, o);
        } catch (DicomNetException e) {
            throw translate(node, "association", e);
        }
    }

    /** Connects for C-GET, offering to take the storage sub-operations for {@code storage} classes. */
    DimseClient openForGet(Node node, List<String> retrieve, List<List<String>> storageContexts) {
        NetOptions o = optionsFor(node);
        try {
            return DimseClient.connectForGet(node.host(), node.port(), config.aeTitle(), node.aeTitle(), retrieve,
                    storageContexts, o);
        } catch (DicomNetException e) {
            throw translate(node, "association", e);
        }
    }

    /** Connects for storage commitment (the Push Model context, SCU and SCP roles proposed). */
    DimseClient openForCommitment(Node node) {
        NetOptions o = optionsFor(node);
        try {
            return DimseClient.connectForCommitment(node.host(), node.port(), config.aeTitle(), node.aeTitle(), o);
        } catch (DicomNetException e) {
            throw translate(node, "association", e);
        }
    }

    /** TLS for a node marked TLS, never plain TCP: without TLS material such a node is refused. */
    private NetOptions optionsFor(Node node) {
        if (!node.tls()) {
            return options;
        }
        return tlsOptions.orElseThrow(() -> new DicomGatewayException(DicomAdapterErrorCode.PEER_REFUSED, "node "
                + node.id() + " requires TLS and the DICOM adapter has no TLS key and trust stores"
                + " (iep.dicom.tls.*); it is not contacted in clear"));
    }

    static DicomGatewayException translate(Node node, String what, DicomNetException e) {
        String where = what + " with " + node.aeTitle() + " at " + node.host() + ":" + node.port() + " failed: "
                + e.getMessage();
        return switch (e.code()) {
            case NET_REJECTED, NET_NO_PRESENTATION_CONTEXT ->
                    new DicomGatewayException(DicomAdapterErrorCode.PEER_REFUSED, where, false, e);
            case NET_IO, NET_ABORTED, NET_TIMEOUT ->
                    new DicomGatewayException(DicomAdapterErrorCode.PEER_UNREACHABLE, where, true, e);
            default -> new DicomGatewayException(DicomAdapterErrorCode.OPERATION_FAILED, where, false, e);
        };
    }

    static DicomGatewayException failed(Node node, String what, int status) {
        return new DicomGatewayException(DicomAdapterErrorCode.OPERATION_FAILED, what + " on " + node.aeTitle()
                + " ended with status 0x" + String.format("%04X", status));
    }
}
