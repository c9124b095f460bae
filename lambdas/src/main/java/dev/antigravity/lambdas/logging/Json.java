package dev.antigravity.lambdas.logging;

import java.util.Collection;
import java.util.Map;

/** Just enough JSON writing for log and metric lines: strings, numbers, booleans, nulls, lists, maps. */
public final class Json {
    private Json() {}

    public static String object(Map<String, ?> fields) {
        StringBuilder json = new StringBuilder(128);
        value(json, fields);
        return json.toString();
    }

    private static void value(StringBuilder json, Object value) {
        switch (value) {
            case null -> json.append("null");
            case Number number when Double.isFinite(number.doubleValue()) -> json.append(number);
            case Boolean bool -> json.append(bool);
            case Map<?, ?> map -> {
                json.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        json.append(',');
                    }
                    first = false;
                    string(json, String.valueOf(entry.getKey()));
                    json.append(':');
                    value(json, entry.getValue());
                }
                json.append('}');
            }
            case Collection<?> items -> {
                json.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        json.append(',');
                    }
                    first = false;
                    value(json, item);
                }
                json.append(']');
            }
            default -> string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
