package org.iep.core.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.iep.api.CoreErrorCode;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantState;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.transaction.StatusTable;

/**
 * The one place that decides whether a grant allows an action on its transaction at an instant. Used for every
 * request, for link opening and for the dashboard's buttons, so they can never disagree. Stateless.
 */
final class AccessRules {
    /** Statuses after which nobody may reach the package again. */
    static final Set<TransactionStatus> ENDED =
            EnumSet.of(TransactionStatus.DECLINED, TransactionStatus.CANCELLED, TransactionStatus.PURGED);
    private static final Set<TransactionStatus> READY =
            EnumSet.of(TransactionStatus.ON_IEP, TransactionStatus.COMPLETE);

    private AccessRules() {
    }

    /** Whether the grant can be used at all now (the link, the passcode, any session request). */
    static Optional<Denial> usable(AccessGrant g, Transaction t, Instant now) {
        if (g.state() == GrantState.DECLINED) {
            return deny(CoreErrorCode.GRANT_REVOKED, "You declined this package; it can no longer be accessed.");
        }
        if (g.state() != GrantState.ACTIVE || ENDED.contains(t.status())) {
            return deny(CoreErrorCode.GRANT_REVOKED, "Access to this package was withdrawn. Contact the sender.");
        }
        if (now.isAfter(g.expires())) {
            return deny(CoreErrorCode.GRANT_REVOKED, "This package has expired. Contact the sender for a new one.");
        }
        if (t.releaseAfter().map(now::isBefore).orElse(false)) {
            return deny(CoreErrorCode.ACCESS_DENIED, "This package is not available yet. Try again later.");
        }
        boolean request = t.type() == TransactionType.REQUEST;
        if (request ? t.status() != TransactionStatus.NEW : !READY.contains(t.status())) {
            return deny(CoreErrorCode.ACCESS_DENIED, "This package is not ready yet. Try again later.");
        }
        return Optional.empty();
    }

    /** @param maxForwards the policy's limit of forwards per received package (3 by default) */
    static Optional<Denial> check(AccessGrant g, Transaction t, Action action, Instant now, int maxForwards) {
        Optional<Denial> unusable = usable(g, t, now);
        if (unusable.isPresent()) {
            return unusable;
        }
        boolean request = t.type() == TransactionType.REQUEST;
        return switch (action) {
            case LIST -> Optional.empty();
            case VIEW -> request ? notForRequests()
                    : now.isAfter(g.viewUntil())
                            ? deny(CoreErrorCode.VIEW_WINDOW_CLOSED, "Online viewing ended; download the package"
                                    + " and use a DICOM viewer instead.")
                            : Optional.empty();
            case DOWNLOAD -> request ? notForRequests() : Optional.empty();
            case FORWARD -> request ? notForRequests()
                    : !g.mayForward() ? deny(CoreErrorCode.FORWARD_NOT_ALLOWED, "A package you received as a forward"
                            + " cannot be forwarded again. Ask the sending hospital instead.")
                    : t.forwardCount() >= maxForwards ? deny(CoreErrorCode.FORWARD_LIMIT_REACHED, "This package was"
                            + " already forwarded " + t.forwardCount() + " times, the most allowed. Ask the sending"
                            + " hospital instead.")
                    : Optional.empty();
            case DECLINE -> StatusTable.allowed(t.type(), t.status(), TransactionStatus.DECLINED) ? Optional.empty()
                    : deny(CoreErrorCode.ILLEGAL_TRANSITION, "This package is " + t.status()
                            + " and can no longer be declined.");
            case UPLOAD -> request ? Optional.empty()
                    : deny(CoreErrorCode.ACCESS_DENIED, "Uploads are only possible in answer to a request.");
        };
    }

    /**
     * Whether two grants reach the same person by the same two factors: one e-mail address for links and one
     * destination for passcodes. A session opened through one may then act through the other.
     */
    static boolean sameIndividual(AccessGrant a, AccessGrant b) {
        return a.recipient().email().equalsIgnoreCase(b.recipient().email())
                && a.recipient().passcodeDestination().equals(b.recipient().passcodeDestination());
    }

    private static Optional<Denial> notForRequests() {
        return deny(CoreErrorCode.ACCESS_DENIED, "A request has no package to view, download or forward.");
    }

    private static Optional<Denial> deny(CoreErrorCode code, String message) {
        return Optional.of(new Denial(code, message));
    }
}
