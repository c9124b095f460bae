package dev.antigravity.api.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import dev.antigravity.api.http.filter.RouteTemplate;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Request count and latency histogram per method, route template and status, exported by
 * /observe/metrics as {@code http_requests_total} and {@code http_server_requests_seconds_bucket}.
 * Buckets are fixed (not percentiles) so they aggregate across tasks.
 */
public final class HttpMetricsFilter implements Filter {
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final RouteTemplate routes;
    private final ConcurrentHashMap<List<String>, Meters> meters = new ConcurrentHashMap<>();

    public HttpMetricsFilter(MeterRegistry registry, RouteTemplate routes) {
        this.registry = registry;
        this.routes = routes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            List<String> key = List.of(req.prologue().method().text(), routes.of(req),
                    Integer.toString(res.status().code()));
            Meters m = meters.computeIfAbsent(key, this::register);
            m.count.increment();
            m.latency.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Meters register(List<String> key) {
        List<Tag> tags = List.of(Tag.create("method", key.get(0)), Tag.create("route", key.get(1)),
                Tag.create("status", key.get(2)));
        Counter count = registry.getOrCreate(Counter.builder("http.requests")
                .description("HTTP requests handled").tags(tags));
        Timer latency = registry.getOrCreate(Timer.builder("http.server.requests")
                .description("HTTP request latency").tags(tags).buckets(BUCKETS));
        return new Meters(count, latency);
    }

    private record Meters(Counter count, Timer latency) {
    }
}
