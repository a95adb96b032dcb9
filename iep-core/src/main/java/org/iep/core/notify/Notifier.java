package org.iep.core.notify;

/**
 * Accepts notifications durably: once {@link #notify} returns, the message will be sent even if the mail relay
 * is down now (it waits in the outbox on the {@code JobQueue}). Idempotent per {@link Notification#key()}.
 * Thread-safe.
 */
public interface Notifier {
    void notify(Notification notification);
}
