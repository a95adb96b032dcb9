package org.iep.api;

import java.util.Objects;

/**
 * One thing wrong with an input: the field (a dotted path such as {@code patient.nhsNumber}) and a message a
 * person can act on.
 */
public record Problem(String field, String message) {
    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
