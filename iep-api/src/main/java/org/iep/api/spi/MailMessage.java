package org.iep.api.spi;

import java.util.Objects;

/**
 * A rendered e-mail. {@code messageId} is stable across retries so relays and tests can detect duplicates. The
 * subject never names a patient.
 */
public record MailMessage(String messageId, String to, String subject, String textBody, String htmlBody,
                          String language) {
    public MailMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        Objects.requireNonNull(language, "language");
    }

    @Override
    public String toString() {
        // bodies may carry a passcode: never print them
        return "MailMessage[" + messageId + ", subject=" + subject + "]";
    }
}
