package dev.antigravity.lambdas.wiring.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.lambdas.app.lifecycle.TestListeners;
import dev.antigravity.lambdas.domain.lifecycle.LifecycleHookPolicy;
import dev.antigravity.lambdas.domain.lifecycle.StageCheck;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle hook's environment:
 * <ul>
 *   <li>{@code LIFECYCLE_TEST_LISTENER_URL}: the blue/green test listener, one base URL, or a JSON object
 *       {@code {"cluster/service": "http://…:8080"}}.</li>
 *   <li>{@code LIFECYCLE_SMOKE_PATHS}: extra paths to GET after /health and /ready, comma-separated or a JSON
 *       array.</li>
 *   <li>{@code LIFECYCLE_STAGE_CHECKS}: optional JSON object stage → NONE | SMOKE_TEST | GUARD_ALARMS, over the
 *       defaults (smoke test after test traffic, alarms around production traffic).</li>
 *   <li>{@code LIFECYCLE_MAX_ATTEMPTS} (default 10) and {@code LIFECYCLE_CALLBACK_DELAY_SECONDS} (default 15).</li>
 * </ul>
 */
public record LifecycleHookSettings(LifecycleHookPolicy policy, TestListeners testListeners, List<String> smokePaths) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static LifecycleHookSettings from(Map<String, String> env) {
        Map<LifecycleStage, StageCheck> checks = LifecycleHookPolicy.defaultChecks();
        JsonNode stageChecks = json(env.get("LIFECYCLE_STAGE_CHECKS"), "LIFECYCLE_STAGE_CHECKS");
        if (stageChecks != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stageChecks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                checks.put(
                        valueOf(LifecycleStage.class, entry.getKey(), "LIFECYCLE_STAGE_CHECKS"),
                        valueOf(
                                StageCheck.class,
                                entry.getValue().asText(),
                                "LIFECYCLE_STAGE_CHECKS." + entry.getKey()));
            }
        }
        int maxAttempts = integer(env, "LIFECYCLE_MAX_ATTEMPTS", 10);
        int delay = integer(env, "LIFECYCLE_CALLBACK_DELAY_SECONDS", 15);
        return new LifecycleHookSettings(
                new LifecycleHookPolicy(checks, maxAttempts, Duration.ofSeconds(delay)),
                testListeners(env.get("LIFECYCLE_TEST_LISTENER_URL")),
                smokePaths(env.get("LIFECYCLE_SMOKE_PATHS")));
    }

    static TestListeners testListeners(String value) {
        if (value == null || value.isBlank()) {
            return TestListeners.none();
        }
        if (!value.strip().startsWith("{")) {
            return new TestListeners(url(value.strip(), "LIFECYCLE_TEST_LISTENER_URL"), Map.of());
        }
        Map<String, URI> perService = new HashMap<>();
        json(value, "LIFECYCLE_TEST_LISTENER_URL")
                .fields()
                .forEachRemaining(entry -> perService.put(
                        entry.getKey(),
                        url(entry.getValue().asText(), "LIFECYCLE_TEST_LISTENER_URL." + entry.getKey())));
        return new TestListeners(null, perService);
    }

    static List<String> smokePaths(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> paths = value.strip().startsWith("[")
                ? java.util.stream.StreamSupport.stream(
                                json(value, "LIFECYCLE_SMOKE_PATHS").spliterator(), false)
                        .map(JsonNode::asText)
                        .toList()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("LIFECYCLE_SMOKE_PATHS: '" + path + "' must start with /");
            }
        }
        return paths;
    }

    private static URI url(String value, String where) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not an http(s) URL", e);
        }
    }

    private static JsonNode json(String value, String where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !(node.isObject() || node.isArray())) {
                throw new IllegalArgumentException(where + " must be a JSON object or array");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown value '" + value + "'", e);
        }
    }
}
