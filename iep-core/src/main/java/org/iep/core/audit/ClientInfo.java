package org.iep.core.audit;

import java.util.Objects;

/** Where a request came from, for the audit trail: the client's address, or {@code internal}. */
public record ClientInfo(String remoteAddress) {
    public static final ClientInfo INTERNAL = new ClientInfo("internal");

    public ClientInfo {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
