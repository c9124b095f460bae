package dev.antigravity.api.http.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.config.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A thin test client: one call, the reply as status, headers and text. */
final class Api {
    private final Http1Client client;

    Api(Http1Client client) {
        this.client = client;
    }

    record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        boolean isProblem() {
            return "application/problem+json".equals(header("Content-Type"));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply get(String uri, Caller caller) {
        return call("GET", uri, caller, null, Map.of());
    }

    Reply delete(String uri, Caller caller) {
        return call("DELETE", uri, caller, null, Map.of());
    }

    Reply post(String uri, Caller caller, String json) {
        return call("POST", uri, caller, json, Map.of());
    }

    Reply put(String uri, Caller caller, String json) {
        return call("PUT", uri, caller, json, Map.of());
    }

    Reply patch(String uri, Caller caller, String json) {
        return call("PATCH", uri, caller, json, Map.of());
    }

    /** A JSON body (Content-Type application/json unless {@code headers} say otherwise). */
    Reply call(String method, String uri, Caller caller, String body, Map<String, String> headers) {
        int query = uri.indexOf('?');
        Http1ClientRequest request =
                client.method(Method.create(method)).path(query < 0 ? uri : uri.substring(0, query));
        if (query >= 0) {
            // Collected per name: the client keeps only the last queryParam call for a name.
            Map<String, java.util.List<String>> params = new LinkedHashMap<>();
            for (String pair : uri.substring(query + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                params.computeIfAbsent(decode(nameValue[0]), k -> new java.util.ArrayList<>())
                        .add(nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
            params.forEach((name, values) -> request.queryParam(name, values.toArray(String[]::new)));
        }
        caller.bearer().ifPresent(token -> request.header(HeaderNames.AUTHORIZATION, token));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header(HeaderNames.CONTENT_TYPE, "application/json");
        }
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        try (HttpClientResponse response = body == null ? request.request() : request.submit(body)) {
            Map<String, String> replyHeaders = new LinkedHashMap<>();
            response.headers().forEach(h -> replyHeaders.put(h.name().toLowerCase(java.util.Locale.ROOT), h.get()));
            String text = response.entity().hasEntity() ? response.as(String.class) : "";
            return new Reply(response.status().code(), replyHeaders, text);
        }
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Optional<Long> id(Reply reply) {
        JsonNode id = reply.json().get("id");
        return id == null ? Optional.empty() : Optional.of(id.asLong());
    }
}
