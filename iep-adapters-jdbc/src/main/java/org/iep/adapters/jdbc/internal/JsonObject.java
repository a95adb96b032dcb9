package org.iep.adapters.jdbc.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.iep.adapters.jdbc.DatabaseException;
import org.iep.adapters.jdbc.JdbcErrorCode;

/**
 * A JSON object being written or read by a codec: typed getters that fail with {@link IllegalArgumentException}
 * naming the missing field, and chained setters. Optional values are written as null and read back as empty.
 * Not thread-safe; use one per record.
 */
public final class JsonObject {
    private final Map<String, Object> fields;

    private JsonObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static JsonObject create() {
        return new JsonObject(new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    public static JsonObject parse(String json) {
        Object tree = Json.parse(json);
        if (!(tree instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a document must be a JSON object");
        }
        return new JsonObject((Map<String, Object>) tree);
    }

    /**
     * Decodes a stored document with {@code decoder}; a document that does not decode (edited by hand, written by a
     * newer version) fails with a non-retryable {@link DatabaseException} naming {@code what}.
     */
    public static <T> T decode(String json, String what, Function<JsonObject, T> decoder) {
        try {
            return decoder.apply(parse(json));
        } catch (RuntimeException e) {
            throw new DatabaseException(JdbcErrorCode.CORRUPT_RECORD, "The stored document of " + what
                    + " cannot be decoded (" + e.getMessage() + "). Restore it from a backup or migrate the schema.",
                    false, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonObject of(Object tree) {
        if (!(tree instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return new JsonObject((Map<String, Object>) tree);
    }

    public JsonObject put(String key, Object value) {
        fields.put(key, value instanceof JsonObject o ? o.fields : value);
        return this;
    }

    public JsonObject put(String key, Optional<?> value) {
        return put(key, value.map(v -> v instanceof Instant i ? i.toString() : v).orElse(null));
    }

    public JsonObject put(String key, Instant value) {
        return put(key, (Object) value.toString());
    }

    /** Writes a list, converting each element (to a String, Long, Boolean or JsonObject). */
    public <T> JsonObject putList(String key, List<T> values, Function<T, Object> each) {
        return put(key, values.stream().map(each).map(v -> v instanceof JsonObject o ? (Object) o.fields : v)
                .toList());
    }

    public String toJson() {
        return Json.write(fields);
    }

    /** The names of the fields present. */
    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(fields.keySet());
    }

    /** Whether the field is present (documents written before it existed lack it). */
    public boolean has(String key) {
        return fields.get(key) != null;
    }

    public String str(String key) {
        return (String) required(key);
    }

    public Optional<String> optStr(String key) {
        return Optional.ofNullable((String) fields.get(key));
    }

    public long lng(String key) {
        return (Long) required(key);
    }

    public int integer(String key) {
        return Math.toIntExact(lng(key));
    }

    public boolean bool(String key) {
        return (Boolean) required(key);
    }

    public Instant instant(String key) {
        return Instant.parse(str(key));
    }

    public Optional<Instant> optInstant(String key) {
        return optStr(key).map(Instant::parse);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return Enum.valueOf(type, str(key));
    }

    public JsonObject obj(String key) {
        return of(required(key));
    }

    public List<JsonObject> objects(String key) {
        return list(key).stream().map(JsonObject::of).toList();
    }

    public List<String> strings(String key) {
        return list(key).stream().map(String.class::cast).toList();
    }

    private List<?> list(String key) {
        Object v = required(key);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("field " + key + " is not a list");
        }
        return l;
    }

    private Object required(String key) {
        Object v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("field " + key + " is missing");
        }
        return v;
    }
}
