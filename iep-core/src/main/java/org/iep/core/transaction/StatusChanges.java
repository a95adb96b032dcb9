package org.iep.core.transaction;

import java.util.Optional;
import org.iep.api.transaction.TransactionStatus;

/**
 * How status changes appear in the audit trail: action {@value #ACTION}, detail {@code from=X to=Y[ reason=...]}.
 * Statistics read turnaround from these records, so the format is fixed here, once. Stateless.
 */
public final class StatusChanges {
    public static final String ACTION = "transaction.status";

    private StatusChanges() {
    }

    public static String detail(TransactionStatus from, TransactionStatus to, String reason) {
        String d = "from=" + from + " to=" + to;
        return reason == null || reason.isBlank() ? d : d + " reason=" + reason.strip();
    }

    /** The status a {@value #ACTION} record moved to, if {@code detail} is one. */
    public static Optional<TransactionStatus> target(String detail) {
        int at = detail.indexOf(" to=");
        if (!detail.startsWith("from=") || at < 0) {
            return Optional.empty();
        }
        int end = detail.indexOf(' ', at + 4);
        String name = detail.substring(at + 4, end < 0 ? detail.length() : end);
        try {
            return Optional.of(TransactionStatus.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
