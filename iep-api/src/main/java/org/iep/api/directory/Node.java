package org.iep.api.directory;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A DICOM application entity (a PACS, a modality, a router) owned by an institution.
 *
 * @param aeTitle         1–16 characters of the default repertoire, no backslash, not all spaces
 * @param allowedSenders  institutions allowed to send to this node; empty means only the owner
 * @param outOfHours      the node to route to outside the owner's core hours, if any
 * @param receivesDefault whether this node is the owner's default destination for incoming transfers
 */
public record Node(
        NodeId id,
        InstitutionId owner,
        String aeTitle,
        String host,
        int port,
        boolean tls,
        Set<InstitutionId> allowedSenders,
        Optional<NodeId> outOfHours,
        boolean receivesDefault) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(aeTitle, "aeTitle");
        Objects.requireNonNull(host, "host");
        allowedSenders = Set.copyOf(allowedSenders);
        Objects.requireNonNull(outOfHours, "outOfHours");
    }

    /** Whether {@code sender} may send studies to this node. */
    public boolean accepts(InstitutionId sender) {
        return owner.equals(sender) || allowedSenders.contains(sender);
    }
}
