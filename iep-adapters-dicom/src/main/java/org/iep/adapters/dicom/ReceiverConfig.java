package org.iep.adapters.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iep.api.Problem;
import org.iep.api.directory.Node;

/**
 * The inbound SCP's settings.
 *
 * @param bindAddress     the local address to listen on (127.0.0.1 in tests, 0.0.0.0 or one interface in use)
 * @param port            the TCP port; 0 picks a free one
 * @param peers           the only nodes allowed to associate: calling AE title and address must both match one
 * @param maxAssociations concurrent associations; more are rejected (transient)
 * @param calledAeTitles  the AE titles the SCP answers to (ours, and the direct routes'); any other called AE title
 *                        gets A-ASSOCIATE-RJ "called-AE title not recognized", audited. Empty answers to any title
 *                        (then an instance for a title that routes nowhere is refused with a failure status)
 * @param tls             when present the SCP speaks DICOM TLS only (BCP 195 profile) and requires the peer's
 *                        certificate, which must be trusted by the trust store; plain TCP connections fail the
 *                        handshake
 */
public record ReceiverConfig(String bindAddress, int port, List<Node> peers, int maxAssociations,
                             Set<String> calledAeTitles, Optional<DicomTlsConfig> tls) {
    /** Answering to any called AE title. */
    public ReceiverConfig(String bindAddress, int port, List<Node> peers, int maxAssociations) {
        this(bindAddress, port, peers, maxAssociations, Set.of());
    }

    /** Plain TCP. */
    public ReceiverConfig(String bindAddress, int port, List<Node> peers, int maxAssociations,
                          Set<String> calledAeTitles) {
        this(bindAddress, port, peers, maxAssociations, calledAeTitles, Optional.empty());
    }

    public ReceiverConfig withTls(DicomTlsConfig material) {
        return new ReceiverConfig(bindAddress, port, peers, maxAssociations, calledAeTitles, Optional.of(material));
    }

    public ReceiverConfig {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(peers, "peers");
        peers = List.copyOf(peers);
        Objects.requireNonNull(calledAeTitles, "calledAeTitles");
        calledAeTitles = Set.copyOf(calledAeTitles);
        List<Problem> problems = new ArrayList<>();
        for (String ae : calledAeTitles) {
            if (!AeTitles.valid(ae)) {
                problems.add(new Problem("iep.dicom.calledAeTitles", "'" + ae + "' is not an AE title (1-16"
                        + " characters of the default repertoire, no backslash or control character)"));
            }
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            problems.add(new Problem("iep.dicom.bindAddress", "is required, e.g. 0.0.0.0"));
        }
        if (port < 0 || port > 65535) {
            problems.add(new Problem("iep.dicom.port", "must be between 0 and 65535"));
        }
        if (maxAssociations < 1 || maxAssociations > 1000) {
            problems.add(new Problem("iep.dicom.maxAssociations", "must be between 1 and 1000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDicomInputException(DicomAdapterErrorCode.INVALID_CONFIGURATION, problems);
        }
    }
}
