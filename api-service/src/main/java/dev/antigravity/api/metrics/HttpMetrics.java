package dev.antigravity.api.metrics;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Request count and latency histogram per method, route template and status, exported by
 * /observe/metrics as {@code http_requests_total} and {@code http_server_requests_seconds_bucket}.
 * Buckets are fixed (not percentiles) so they aggregate across tasks.
 */
public final class HttpMetrics implements Consumer<RequestOutcome> {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Key, Meters> meters = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(RequestOutcome outcome) {
        Key key = new Key(outcome.method(), outcome.route(), outcome.status());
        Meters m = meters.get(key);
        if (m == null) {
            m = meters.computeIfAbsent(key, this::register);
        }
        m.count.increment();
        m.latency.record(outcome.latency());
    }

    private Meters register(Key key) {
        List<Tag> tags = List.of(
                Tag.create("method", key.method()),
                Tag.create("route", key.route()),
                Tag.create("status", Integer.toString(key.status())));
        Counter count = registry.getOrCreate(Counter.builder("http.requests")
                .description("HTTP requests handled")
                .tags(tags));
        Timer latency = registry.getOrCreate(Timer.builder("http.server.requests")
                .description("HTTP request latency")
                .tags(tags)
                .buckets(BUCKETS));
        return new Meters(count, latency);
    }

    private record Meters(Counter count, Timer latency) {}

    /** The status as a number: no text built per request to find the meters. */
    private record Key(String method, String route, int status) {}
}
