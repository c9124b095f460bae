package dev.antigravity.api.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Request latency and count as EMF, per route template and status class: {@code RequestLatency} (ms) and
 * {@code Requests} by (Service, Route) for p50/p99 per route, (Service, Route, StatusClass), and (Service,
 * StatusClass) for the error percentage. Dimensions stay bounded: the route is the template (or
 * {@code unmatched}), the method one of the standard ones (else {@code OTHER}), the status its class.
 */
public final class EmfRequestMetrics implements Consumer<RequestOutcome> {
    public static final String LATENCY = "RequestLatency";
    public static final String REQUESTS = "Requests";
    static final List<List<String>> DIMENSION_SETS = List.of(
            List.of("Service", "Route"), List.of("Service", "Route", "StatusClass"), List.of("Service", "StatusClass"));
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final EmfWriter emf;
    private final String service;

    /** @param service the Service dimension's value (config {@code metrics.service}) */
    public EmfRequestMetrics(EmfWriter emf, String service) {
        this.emf = emf;
        this.service = service;
    }

    @Override
    public void accept(RequestOutcome outcome) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Service", service);
        dimensions.put("Route", method(outcome.method()) + " " + outcome.route());
        dimensions.put("StatusClass", statusClass(outcome.status()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", outcome.status());
        if (outcome.correlationId() != null) {
            properties.put("correlation_id", outcome.correlationId());
        }
        emf.write(
                dimensions,
                DIMENSION_SETS,
                List.of(
                        new EmfWriter.Metric(
                                LATENCY,
                                EmfWriter.Unit.Milliseconds,
                                outcome.latency().toNanos() / 1_000_000.0),
                        new EmfWriter.Metric(REQUESTS, EmfWriter.Unit.Count, 1)),
                properties);
    }

    static String statusClass(int status) {
        return status >= 100 && status <= 599 ? (status / 100) + "xx" : "other";
    }

    private static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }
}
