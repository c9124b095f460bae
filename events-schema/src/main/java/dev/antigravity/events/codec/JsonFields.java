package dev.antigravity.events.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Strict field readers over a Jackson tree: a missing or mistyped required field is a MalformedEventException. */
final class JsonFields {
    private JsonFields() {}

    static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("'" + field + "' must be an object");
        }
        return node;
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw new MalformedEventException("'" + field + "' must be a non-empty string");
        }
        return node.asText();
    }

    static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedEventException("'" + field + "' must be a string");
        }
        return node.asText();
    }

    static Instant instant(JsonNode parent, String field) {
        return parseInstant(field, text(parent, field));
    }

    static Instant optionalInstant(JsonNode parent, String field) {
        String value = optionalText(parent, field);
        return value == null ? null : parseInstant(field, value);
    }

    static Instant parseInstant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("'" + field + "' is not an ISO-8601 instant: " + value, e);
        }
    }

    static List<String> texts(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new MalformedEventException("'" + field + "' must be an array");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new MalformedEventException("'" + field + "' must hold strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    static <E extends Enum<E>> E enumValue(JsonNode parent, String field, Class<E> type) {
        String value = text(parent, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("'" + field + "' has unknown value " + value, e);
        }
    }
}
