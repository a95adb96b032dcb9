package org.iep.api.recipient;

import java.util.Objects;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;

/** Another institution on IEP; optionally a chosen destination node (otherwise its routing decides). */
public record InstitutionRecipient(InstitutionId institution, String name, Optional<NodeId> node) implements Recipient {
    public InstitutionRecipient {
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
    }

    @Override
    public String displayName() {
        return name;
    }
}
