package org.iep.api.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A message refused as malformed or unknown, kept raw for an administrator to review. It may contain patient
 * data: it is stored, never logged.
 *
 * @param source     which listener received it and from where (e.g. {@code hl7:127.0.0.1})
 * @param reason     a short reason without patient data (e.g. the parser's error class and code)
 * @param raw        the message exactly as received, decoded as ISO-8859-1 so every byte survives
 */
public record RejectedMessage(String id, String source, Instant received, String reason, String raw) {
    public RejectedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
    }
}
