package org.iep.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/**
 * Collects every problem of an input before anything is changed, then throws one
 * {@link InvalidInputException} listing them all. Not thread-safe: one instance per validation.
 */
public final class Problems {
    // Practical address check: local@domain.tld, no spaces; deliverability is the relay's business.
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private final List<Problem> problems = new ArrayList<>();

    public Problems add(String field, String message) {
        problems.add(new Problem(field, message));
        return this;
    }

    public Problems check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    /** A mandatory text: present, not blank, at most {@code max} characters, no control characters. */
    public Problems text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return add(field, "is required");
        }
        return optionalText(value, field, max);
    }

    /** An optional text: at most {@code max} characters, no control characters other than line breaks and tab. */
    public Problems optionalText(String value, String field, int max) {
        if (value == null) {
            return this;
        }
        if (value.length() > max) {
            add(field, "is too long (" + value.length() + " characters; at most " + max + ")");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            add(field, "contains control characters");
        }
        return this;
    }

    public Problems email(String value, String field) {
        if (value == null || value.isBlank()) {
            return add(field, "is required");
        }
        return check(value.length() <= 254 && EMAIL.matcher(value).matches(), field,
                "is not a valid e-mail address");
    }

    /** A phone number in E.164 form, e.g. {@code +447700900123}. */
    public Problems phone(String value, String field) {
        if (value == null || value.isBlank()) {
            return add(field, "is required");
        }
        return check(E164.matcher(value).matches(), field,
                "is not a valid international phone number (E.164, e.g. +447700900123)");
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /** Throws when anything was found; call before the first side effect. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
