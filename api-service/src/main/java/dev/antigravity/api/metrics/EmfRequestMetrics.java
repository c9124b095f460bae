package dev.antigravity.api.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Request latency and count as EMF, per route template and status class: {@code RequestLatency} (ms) and
 * {@code Requests} (1 per request) by (Service, Route) for p50/p99 per route, (Service, Route, StatusClass), and
 * (Service, StatusClass) for the error percentage. Dimensions stay bounded: the route is the template (or
 * {@code unmatched}), the method one of the standard ones (else {@code OTHER}), the status its class. The
 * observations go through the {@link EmfAggregator}; the per-request details (status, correlation id) are in the
 * access log line.
 */
public final class EmfRequestMetrics implements Consumer<RequestOutcome> {
    public static final String LATENCY = "RequestLatency";
    public static final String REQUESTS = "Requests";
    static final List<List<String>> DIMENSION_SETS = List.of(
            List.of("Service", "Route"), List.of("Service", "Route", "StatusClass"), List.of("Service", "StatusClass"));
    private static final List<EmfAggregator.Definition> METRICS = List.of(
            new EmfAggregator.Definition(LATENCY, EmfWriter.Unit.Milliseconds),
            new EmfAggregator.Definition(REQUESTS, EmfWriter.Unit.Count));
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final EmfAggregator emf;
    private final String service;
    private final ConcurrentHashMap<Key, EmfAggregator.Series> series = new ConcurrentHashMap<>();

    /** @param service the Service dimension's value (config {@code metrics.service}) */
    public EmfRequestMetrics(EmfAggregator emf, String service) {
        this.emf = emf;
        this.service = service;
    }

    @Override
    public void accept(RequestOutcome outcome) {
        Key key = new Key(outcome.method(), outcome.route(), statusClass(outcome.status()));
        EmfAggregator.Series target = series.get(key);
        if (target == null) {
            target = series.computeIfAbsent(key, this::series);
        }
        emf.add(target, outcome.latency().toNanos() / 1_000_000.0, 1);
    }

    private EmfAggregator.Series series(Key key) {
        return new EmfAggregator.Series(
                Map.of(
                        "Service",
                        service,
                        "Route",
                        method(key.method()) + " " + key.route(),
                        "StatusClass",
                        key.statusClass()),
                DIMENSION_SETS,
                METRICS);
    }

    /** Constants, not text built per request: the series lookup compares them by reference first. */
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    static String statusClass(int status) {
        return status >= 100 && status <= 599 ? STATUS_CLASSES[status / 100 - 1] : "other";
    }

    private static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }

    /** The raw method, so that unknown methods share one Series without a lookup per request. */
    private record Key(String method, String route, String statusClass) {}
}
