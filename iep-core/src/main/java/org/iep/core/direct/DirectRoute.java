package org.iep.core.direct;

import java.util.Objects;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.transaction.Priority;

/**
 * One called AE title of our SCP and where what arrives under it goes.
 *
 * @param calledAe  the AE title a PACS calls (1–16 characters, no backslash or control character)
 * @param source    the institution whose nodes may use the route; images from any other node are refused
 * @param recipient the institution that receives the transactions
 * @param node      the recipient's node to deliver to; empty lets the recipient's routing (default node, out of
 *                  hours) decide when each transaction is created
 * @param priority  the delivery lane of the transactions
 */
public record DirectRoute(String calledAe, InstitutionId source, InstitutionId recipient, Optional<NodeId> node,
                          Priority priority) {
    public DirectRoute {
        Objects.requireNonNull(calledAe, "calledAe");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(priority, "priority");
    }
}
