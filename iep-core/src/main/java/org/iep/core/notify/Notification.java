package org.iep.core.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One notification to render and send.
 *
 * @param key     stable identity (e.g. {@code AVAILABLE/<grant id>}) so that enqueuing it twice sends it once
 * @param values  template values (tracking number, institution name, masked names, link, dates); a value under
 *                {@link #SECRET} (link or passcode) is sealed in the outbox and never logged
 * @param notBefore not sent before this instant ("doctor first" release delay); {@link Instant#EPOCH} for at once
 * @param notAfter  dropped unsent after this instant (a passcode that has expired); {@link Instant#MAX} for never
 */
public record Notification(String key, NotificationKind kind, Addressee to, Map<String, String> values,
                           Instant notBefore, Instant notAfter) {
    /** Template values whose names start with this prefix are secrets (e.g. {@code secret.passcode}). */
    public static final String SECRET = "secret.";

    public Notification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        values = Map.copyOf(values);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** A notification to send at once, with no expiry. */
    public static Notification now(String key, NotificationKind kind, Addressee to, Map<String, String> values) {
        return new Notification(key, kind, to, values, Instant.EPOCH, Instant.MAX);
    }

    @Override
    public String toString() {
        return "Notification[" + key + ", " + kind + ", " + to + "]";
    }
}
