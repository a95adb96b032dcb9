package org.iep.api.transaction;

import java.time.Instant;
import java.util.Objects;

/** One message in a transaction's thread. */
public record Message(Instant at, Party author, String authorName, String text) {
    public Message {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(text, "text");
    }
}
