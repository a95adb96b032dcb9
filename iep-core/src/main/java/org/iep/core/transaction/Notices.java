package org.iep.core.transaction;

import java.util.Locale;
import java.util.Map;
import org.iep.api.directory.Institution;
import org.iep.api.transaction.Transaction;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Notifier;

/** The notifications institutions receive about transactions, keyed so that a retry sends them once. */
final class Notices {
    private final Notifier notifier;

    Notices(Notifier notifier) {
        this.notifier = notifier;
    }

    /** To the recipient institution's service desk: a transfer or request arrived. */
    void created(Transaction t, Institution to, Institution from) {
        notifier.notify(Notification.now("CREATED/" + t.id(), NotificationKind.CREATED,
                Addressee.email(to.contact().email(), Locale.UK), values(t, from)));
    }

    /** To the originating institution: the other side declined, with the reason. */
    void declined(Transaction t, Institution to, Institution by) {
        Map<String, String> v = new java.util.HashMap<>(values(t, by));
        v.put("reason", t.statusReason());
        notifier.notify(Notification.now("DECLINED/" + t.id(), NotificationKind.DECLINED,
                Addressee.email(to.contact().email(), Locale.UK), v));
    }

    // No patient details: the e-mail only points people to the portal.
    private static Map<String, String> values(Transaction t, Institution counterpart) {
        return Map.of("tracking", t.tracking().value(), "type", t.type().name(), "priority", t.priority().name(),
                "institution", counterpart.name());
    }
}
