package dev.antigravity.api.metrics;

import dev.antigravity.api.cache.CacheLookups;
import java.util.List;
import java.util.Map;

/**
 * The catalogue cache's hit ratio as EMF: one {@code CacheHit} data point per lookup, 1 when the cache answered and
 * 0 when the database did (a miss, or Redis unavailable), by (Service, Cache) and (Service). Its Average is the hit
 * ratio, its Sum the hits and its SampleCount the lookups; a ratio computed here could not be aggregated across
 * tasks. The Cache dimension is {@code product} or {@code page}.
 */
public final class EmfCacheMetrics implements CacheLookups {
    public static final String CACHE_HIT = "CacheHit";
    static final List<List<String>> DIMENSION_SETS = List.of(List.of("Service", "Cache"), List.of("Service"));

    private final EmfWriter emf;
    private final String service;

    public EmfCacheMetrics(EmfWriter emf, String service) {
        this.emf = emf;
        this.service = service;
    }

    @Override
    public void lookedUp(Kind kind, boolean hit) {
        emf.write(
                Map.of("Service", service, "Cache", kind.name()),
                DIMENSION_SETS,
                List.of(new EmfWriter.Metric(CACHE_HIT, EmfWriter.Unit.Count, hit ? 1 : 0)),
                Map.of());
    }
}
