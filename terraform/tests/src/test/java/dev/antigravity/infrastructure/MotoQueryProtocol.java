package dev.antigravity.infrastructure;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The AWS query protocol as ElastiCache speaks it (form-encoded requests, XML answers), for the
 * parts of ElastiCache that {@link MotoProtocolTranslator} answers in moto's place.
 */
final class MotoQueryProtocol {

    /** A reply: HTTP status and XML body. */
    record Reply(int status, String xml) {}

    static final String NAMESPACE = "http://elasticache.amazonaws.com/doc/2015-02-02/";

    private MotoQueryProtocol() {}

    static Reply ok(String action, String result) {
        return new Reply(
                200,
                "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + result + "</" + action
                        + "Result>" + metadata() + "</" + action + "Response>");
    }

    static Reply error(int status, String code, String message) {
        return new Reply(
                status,
                "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type>" + element("Code", code)
                        + element("Message", message) + "</Error><RequestId>translator</RequestId></ErrorResponse>");
    }

    static String metadata() {
        return "<ResponseMetadata><RequestId>translator</RequestId></ResponseMetadata>";
    }

    static String element(String name, String value) {
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<" + name + ">" + escaped + "</" + name + ">";
    }

    /** A query-protocol list of pairs (PREFIX.1.KEY=..., PREFIX.1.VALUE=...) as a map. */
    static Map<String, String> list(Map<String, String> form, String prefix, String key, String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int index = 1; form.containsKey(prefix + "." + index + "." + key); index++) {
            pairs.put(
                    form.get(prefix + "." + index + "." + key),
                    form.getOrDefault(prefix + "." + index + "." + value, ""));
        }
        return pairs;
    }

    /** A query-protocol list of values (PREFIX.1=..., PREFIX.2=...). */
    static List<String> values(Map<String, String> form, String prefix) {
        return IntStream.iterate(1, index -> form.containsKey(prefix + "." + index), index -> index + 1)
                .mapToObj(index -> form.get(prefix + "." + index))
                .toList();
    }

    static Map<String, String> parse(String formBody) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : List.of(formBody.split("&"))) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
