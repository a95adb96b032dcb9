package org.iep.core.notify;

import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.transaction.TransactionListener;

/**
 * Tells the originating institution's service desk when one of its transactions fails, so a person can retry
 * it. One notification per failure: the key carries the version the failure was committed at. Thread-safe.
 */
public final class FailureNotices implements TransactionListener {
    private final DirectoryStore directory;
    private final Notifier notifier;

    @Inject
    public FailureNotices(DirectoryStore directory, Notifier notifier) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    @Override
    public void statusChanged(Transaction before, Transaction after) {
        if (after.status() != TransactionStatus.FAILED || before.status() == TransactionStatus.FAILED) {
            return;
        }
        directory.institution(after.origin()).ifPresent(origin -> notifier.notify(Notification.now(
                "FAILED/" + after.id() + "/" + after.version(), NotificationKind.FAILED,
                Addressee.email(origin.contact().email(), Locale.UK),
                Map.of("tracking", after.tracking().value(), "reason", after.statusReason()))));
    }
}
