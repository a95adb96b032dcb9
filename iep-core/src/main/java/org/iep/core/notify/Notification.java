package org.iep.core.notify;

import java.util.Map;
import java.util.Objects;

/**
 * One notification to render and send.
 *
 * @param key     stable identity (e.g. {@code AVAILABLE/<grant id>}) so that enqueuing it twice sends it once
 * @param values  template values (tracking number, institution name, masked names, link, dates); a value under
 *                {@link #SECRET} (link or passcode) is sealed in the outbox and never logged
 */
public record Notification(String key, NotificationKind kind, Addressee to, Map<String, String> values) {
    /** Template values whose names start with this prefix are secrets (e.g. {@code secret.passcode}). */
    public static final String SECRET = "secret.";

    public Notification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        values = Map.copyOf(values);
    }

    @Override
    public String toString() {
        return "Notification[" + key + ", " + kind + ", " + to + "]";
    }
}
