package org.iep.core.directory;

import java.util.Optional;
import java.util.Set;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;

/**
 * A DICOM node as an administrator enters it. {@code id} empty creates a node, present replaces that node.
 * Strings may be null and are validated by {@link Nodes#put}.
 */
public record NodeSpec(
        Optional<NodeId> id,
        String aeTitle,
        String host,
        int port,
        boolean tls,
        Set<InstitutionId> allowedSenders,
        Optional<NodeId> outOfHours,
        boolean receivesDefault) {
    public NodeSpec {
        id = id == null ? Optional.empty() : id;
        allowedSenders = allowedSenders == null ? Set.of() : Set.copyOf(allowedSenders);
        outOfHours = outOfHours == null ? Optional.empty() : outOfHours;
    }
}
