package dev.antigravity.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.api.cache.Caches;
import dev.antigravity.api.cache.CatalogueCache;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.health.Drain;
import dev.antigravity.api.metrics.EmfAggregator;
import dev.antigravity.api.metrics.EmfCacheMetrics;
import dev.antigravity.api.metrics.EmfWriter;
import dev.antigravity.api.tracing.Tracing;
import io.helidon.config.Config;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;

/**
 * What the HTTP services need from the outside world, built once at start-up and passed down
 * explicitly (no container, no classpath scanning): configuration, the database, the clock
 * (replaceable in tests), the JSON mapper, the metrics registry, the shutdown state, the tracer and the
 * catalogue cache ({@link CatalogueCache#NONE} without {@code cache.url}), and the EMF metrics on stdout, flushed
 * every {@code metrics.emf.flush} and at shutdown.
 */
public record AppContext(
        Config config,
        Database database,
        Clock clock,
        ObjectMapper json,
        MeterRegistry metrics,
        Drain drain,
        OpenTelemetry telemetry,
        CatalogueCache cache,
        EmfAggregator emf) {

    /** The production wiring for {@code config} (the root node). */
    public static AppContext create(Config config) {
        OpenTelemetry telemetry = Tracing.create(config);
        EmfAggregator emf = emf(config);
        return new AppContext(
                config,
                Database.create(config.get("db"), telemetry),
                Clock.systemUTC(),
                Json.mapper(),
                Metrics.globalRegistry(),
                new Drain(),
                telemetry,
                cache(config, emf),
                emf);
    }

    /** The catalogue cache of {@code cache.*}, its hit ratio reported as EMF. */
    private static CatalogueCache cache(Config config, EmfAggregator emf) {
        return Caches.from(config.get("cache"), new EmfCacheMetrics(emf, EmfWriter.service(config)));
    }

    /** The EMF documents on stdout, flushed every {@code metrics.emf.flush}. */
    public static EmfAggregator emf(Config config) {
        return EmfAggregator.stdout(
                config.get("metrics.emf.flush").as(Duration.class).orElse(Duration.ofSeconds(10)));
    }

    /** The same wiring around an existing database and clock (tests). */
    public static AppContext create(Config config, Database database, Clock clock) {
        EmfAggregator emf = emf(config);
        return new AppContext(
                config,
                database,
                clock,
                Json.mapper(),
                Metrics.globalRegistry(),
                new Drain(),
                Tracing.create(config),
                cache(config, emf),
                emf);
    }
}
