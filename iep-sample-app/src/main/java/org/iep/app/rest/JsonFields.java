package org.iep.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iep.api.Problem;

/**
 * Reads fields of a JSON request body, collecting every type and format problem (with its dotted path) instead of
 * failing at the first, so one 400 answer lists them all. Missing text is "" (the core then says what is
 * mandatory). Not thread-safe: one per request.
 */
final class JsonFields {
    final List<Problem> problems = new ArrayList<>();

    String text(JsonNode parent, String name, String path) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            problems.add(new Problem(path, "must be a string"));
            return "";
        }
        return n.textValue();
    }

    Optional<LocalDate> date(JsonNode parent, String name, String path) {
        String s = text(parent, name, path);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, "must be a date such as 1970-01-31"));
            return Optional.empty();
        }
    }

    Optional<Instant> instant(JsonNode parent, String name, String path) {
        String s = text(parent, name, path);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, "must be a UTC time such as 2026-03-02T09:00:00Z"));
            return Optional.empty();
        }
    }

    <E extends Enum<E>> E choice(JsonNode parent, String name, String path, Class<E> type, E fallback) {
        String s = text(parent, name, path);
        if (s.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT)));
            return fallback;
        }
    }

    List<JsonNode> array(JsonNode parent, String name, String path) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            problems.add(new Problem(path, "must be an array"));
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        n.forEach(items::add);
        return items;
    }

    List<String> strings(JsonNode parent, String name, String path) {
        List<String> out = new ArrayList<>();
        List<JsonNode> items = array(parent, name, path);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isTextual()) {
                out.add(items.get(i).textValue());
            } else {
                problems.add(new Problem(path + "[" + i + "]", "must be a string"));
            }
        }
        return out;
    }
}
