package dev.antigravity.api.http;

import io.helidon.webserver.http.HttpRouting;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service's routes as data: lets a request for a known path with the wrong method get
 * 405 + Allow instead of 404, and lets a test compare the routes with openapi.yaml.
 */
public final class RouteTable {
    private final Set<String> operations;
    private final Map<String, Set<String>> methodsByTemplate = new LinkedHashMap<>();
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();

    private RouteTable(Set<String> operations) {
        this.operations = Set.copyOf(operations);
        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            methodsByTemplate.computeIfAbsent(parts[1], t -> new TreeSet<>()).add(parts[0]);
            patterns.computeIfAbsent(parts[1], RouteTable::toPattern);
        }
    }

    /**
     * The routes {@code wiring} registers. The wiring runs against a recorder, not a server, so
     * it must only declare routes: its handlers are built before, once, and the server is given
     * the same wiring ({@link ApiServer#routes}).
     */
    public static RouteTable record(Consumer<HttpRouting.Builder> wiring) {
        return new RouteTable(RouteRecorder.record(wiring));
    }

    /** "METHOD /path/{param}" for every route. */
    public Set<String> operations() {
        return operations;
    }

    /** The methods some route serves for {@code path}; empty when no route template matches it. */
    public Set<String> methodsFor(String path) {
        Set<String> methods = new TreeSet<>();
        methodsByTemplate.forEach((template, m) -> {
            if (patterns.get(template).matcher(path).matches()) {
                methods.addAll(m);
            }
        });
        return methods;
    }

    /**
     * The most specific route template matching {@code path} ("/api/users/me" rather than
     * "/api/users/{id}"), for requests rejected before routing decided.
     */
    public Optional<String> templateFor(String path) {
        return patterns.entrySet().stream()
                .filter(entry -> entry.getValue().matcher(path).matches())
                .map(Map.Entry::getKey)
                .min(Comparator.comparingLong(
                                (String t) -> t.chars().filter(c -> c == '{').count())
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** "/api/users/" -> "/api/users", "{id:\\d+}" -> "{id}", duplicate slashes collapsed. */
    public static String normalize(String path) {
        String p = path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}").replaceAll("/{2,}", "/");
        if (p.isEmpty()) {
            return "/";
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Pattern toPattern(String template) {
        return Pattern.compile(Arrays.stream(template.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> segment.startsWith("{") && segment.endsWith("}") ? "[^/]+" : Pattern.quote(segment))
                .collect(Collectors.joining("/", "/", "/?")));
    }
}
