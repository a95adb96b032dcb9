package org.iep.adapters.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The adapters' record documents as JSON, on Jackson: trees of objects ({@link Map}), arrays ({@link List}),
 * strings, integral numbers ({@link Long}), booleans and null. Fractions, exponents and trailing text are refused
 * with an {@link IllegalArgumentException}: our codecs never write them, so reading one means a corrupt row.
 * Stateless; thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Writes a tree of maps, lists, strings, integral numbers, booleans and nulls. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the document as JSON", e);
        }
    }

    /** Parses one JSON value; integral numbers become {@link Long}. */
    public static Object parse(String text) {
        try {
            return toTree(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON document: " + e.getOriginalMessage(), e);
        }
    }

    private static Object toTree(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("empty JSON document");
        }
        return switch (node.getNodeType()) {
            case NULL -> null;
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw new IllegalArgumentException("not an integral number in the document: " + node);
                }
                yield node.longValue();
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(toTree(item)));
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), toTree(e.getValue())));
                yield map;
            }
            default -> throw new IllegalArgumentException("unexpected JSON value: " + node.getNodeType());
        };
    }
}
