package org.iep.adapters.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iep.api.Problem;
import org.iep.api.directory.Node;

/**
 * The inbound SCP's settings.
 *
 * @param bindAddress     the local address to listen on (127.0.0.1 in tests, 0.0.0.0 or one interface in use)
 * @param port            the TCP port; 0 picks a free one
 * @param peers           the only nodes allowed to associate: calling AE title and address must both match one
 * @param maxAssociations concurrent associations; more are rejected (transient)
 */
public record ReceiverConfig(String bindAddress, int port, List<Node> peers, int maxAssociations) {
    public ReceiverConfig {
        Objects.requireNonNull(peers, "peers");
        peers = List.copyOf(peers);
        List<Problem> problems = new ArrayList<>();
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
