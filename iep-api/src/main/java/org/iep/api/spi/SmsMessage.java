package org.iep.api.spi;

import java.util.Objects;

/** A rendered text message to an E.164 number; {@code messageId} is stable across retries. */
public record SmsMessage(String messageId, String to, String text) {
    public SmsMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        // the text may carry a passcode: never print it
        return "SmsMessage[" + messageId + "]";
    }
}
