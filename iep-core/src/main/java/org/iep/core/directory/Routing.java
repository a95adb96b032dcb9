package org.iep.core.directory;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.NodeStore;

/**
 * Picks the node that receives a transfer: the recipient's default receiving node that accepts the sender; outside
 * the recipient's core hours (in the recipient's time zone, so DST is the zone rules' business) its out-of-hours
 * alternative instead, when it has one that also accepts the sender. Thread-safe.
 */
public final class Routing {
    private final DirectoryStore directory;
    private final NodeStore nodes;

    @Inject
    public Routing(DirectoryStore directory, NodeStore nodes) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
    }

    /** The destination node; {@code ConflictException(NO_ROUTE)} when none accepts the sender. */
    public Node destinationFor(InstitutionId recipient, InstitutionId sender, Instant now) {
        Institution to = directory.institution(recipient)
                .orElseThrow(() -> new NotFoundException("Institution " + recipient));
        // Several default nodes may exist with different allowed senders; the store orders them by AE title.
        Node primary = nodes.owned(recipient).stream().filter(n -> n.receivesDefault() && n.accepts(sender))
                .findFirst().orElseThrow(() -> new ConflictException(CoreErrorCode.NO_ROUTE, "Institution "
                        + to.name() + " has no receiving node that accepts transfers from institution " + sender
                        + ". Ask its administrators to allow your institution on one of their nodes."));
        if (to.coreHours().contains(now.atZone(to.zone()))) {
            return primary;
        }
        // An alternative that refuses this sender is no route at night; the day node still takes the study.
        Optional<Node> night = primary.outOfHours().flatMap(nodes::find)
                .filter(n -> n.owner().equals(recipient) && n.accepts(sender));
        return night.orElse(primary);
    }
}
