package org.iep.adapters.dicom;

import java.util.List;
import org.iep.api.directory.Node;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;

/** Opens associations to nodes and translates iep-dicom's network errors, in one place. */
final class Connections {
    private final DicomAdapterConfig config;
    private final NetOptions options;

    Connections(DicomAdapterConfig config) {
        this.config = config;
        this.options = new NetOptions(config.maxPdu(), config.maxPdu(), config.idleMillis(), config.idleMillis(),
                config.connectMillis(), null, false);
    }

    /** Connects proposing {@code contexts} (each: abstract syntax then transfer syntaxes). */
    DimseClient open(Node node, List<List<String>> contexts) {
        refuseTls(node);
        try {
            return DimseClient.connect(node.host(), node.port(), config.aeTitle(), node.aeTitle(), contexts, options);
        } catch (DicomNetException e) {
            throw translate(node, "association", e);
        }
    }

    /** Connects for C-GET, offering to take the storage sub-operations for {@code storage} classes. */
    DimseClient openForGet(Node node, List<String> retrieve, List<String> storage, List<String> syntaxes) {
        refuseTls(node);
        try {
            return DimseClient.connectForGet(node.host(), node.port(), config.aeTitle(), node.aeTitle(), retrieve,
                    storage, syntaxes, options);
        } catch (DicomNetException e) {
            throw translate(node, "association", e);
        }
    }

    private static void refuseTls(Node node) {
        if (node.tls()) {
            // TLS needs a key store and trust anchors the configuration does not carry yet
            throw new DicomGatewayException(DicomAdapterErrorCode.PEER_REFUSED, "node " + node.id()
                    + " requires TLS, which the DICOM adapter does not configure yet");
        }
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
