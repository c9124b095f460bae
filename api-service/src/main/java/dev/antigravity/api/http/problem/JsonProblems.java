package dev.antigravity.api.http.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.Optional;

/**
 * Translates Jackson's reading failures into field-level 400 problems. Jackson's own messages
 * quote Java class names and source locations; clients get the JSON path and a plain reason.
 */
public final class JsonProblems {
    private JsonProblems() {}

    /** The JSON failure somewhere in {@code error}'s cause chain, as a 400 problem. */
    public static Optional<ApiException> from(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return Optional.of(translate(json));
            }
        }
        return Optional.empty();
    }

    private static ApiException translate(JsonProcessingException e) {
        return switch (e) {
            case UnrecognizedPropertyException u ->
                ApiException.validation(path(u), "unknown field '" + u.getPropertyName() + "'");
            case InvalidNullException n -> ApiException.validation(path(n), "must not be null");
            case InvalidFormatException f ->
                ApiException.validation(path(f), "expected " + describe(f.getTargetType()));
            case ValueInstantiationException v -> ApiException.validation(fieldOrBody(v), instantiationReason(v));
            case MismatchedInputException m
            when m.getPath().isEmpty() && reason(m).contains("end-of-input") ->
                ApiException.badRequest("The request body is empty; a JSON document is required.");
            // FAIL_ON_TRAILING_TOKENS: the document itself was fine, so no field is to blame.
            case MismatchedInputException m
            when reason(m).startsWith("Trailing token") ->
                ApiException.badRequest("The request body has content after the JSON document.");
            case MismatchedInputException m ->
                ApiException.validation(
                        fieldOrBody(m),
                        m.getTargetType() == null ? "has the wrong type" : "expected " + describe(m.getTargetType()));
            case JsonMappingException d -> ApiException.validation(fieldOrBody(d), "is invalid");
            case JsonParseException p -> malformed(p);
            case StreamReadException r -> malformed(r);
            default -> ApiException.badRequest("The request body is not valid JSON.");
        };
    }

    private static ApiException malformed(StreamReadException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return ApiException.badRequest(
                "The request body is not well-formed JSON" + where + ": " + e.getOriginalMessage());
    }

    /** Jackson's message without the source location; these failures have no finer type. */
    private static String reason(MismatchedInputException m) {
        String message = m.getOriginalMessage();
        return message == null ? "" : message;
    }

    private static String instantiationReason(ValueInstantiationException v) {
        Throwable cause = v.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : "is invalid";
    }

    private static String fieldOrBody(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? "$" : path;
    }

    /** JSON path as the client wrote it: {@code items[0].quantity}. */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        List<JsonMappingException.Reference> refs = e.getPath();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type.getPackageName().equals("java.time")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
