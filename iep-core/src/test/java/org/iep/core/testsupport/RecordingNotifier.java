package org.iep.core.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Notifier;

/** Keeps notifications for assertions, idempotent per key like the real outbox. */
public final class RecordingNotifier implements Notifier {
    private final List<Notification> sent = new ArrayList<>();

    @Override
    public synchronized void notify(Notification n) {
        if (sent.stream().noneMatch(s -> s.key().equals(n.key()))) {
            sent.add(n);
        }
    }

    public synchronized List<Notification> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Notification> of(NotificationKind kind) {
        return sent.stream().filter(n -> n.kind() == kind).toList();
    }
}
