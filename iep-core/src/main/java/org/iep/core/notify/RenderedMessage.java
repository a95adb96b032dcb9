package org.iep.core.notify;

import java.util.Objects;

/**
 * A notification rendered in one language: subject, plain-text and HTML bodies, and the short SMS text. Bodies may
 * carry a passcode or link, so {@link #toString()} shows the subject only.
 *
 * @param language the BCP 47 tag actually used, e.g. {@code en-GB} when the wanted language has no templates
 */
public record RenderedMessage(String subject, String text, String html, String sms, String language) {
    public RenderedMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(language, "language");
    }

    @Override
    public String toString() {
        return "RenderedMessage[" + language + ", subject=" + subject + "]";
    }
}
