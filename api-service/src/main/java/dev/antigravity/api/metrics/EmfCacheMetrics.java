package dev.antigravity.api.metrics;

import dev.antigravity.api.cache.CacheLookups;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue cache's hit ratio as EMF: one {@code CacheHit} value per lookup, 1 when the cache answered and 0
 * when the database did (a miss, or Redis unavailable), by (Service, Cache) and (Service). Its Average is the hit
 * ratio, its Sum the hits and its SampleCount the lookups; a ratio computed here could not be aggregated across
 * tasks. The Cache dimension is {@code product} or {@code page}. Observations go through the {@link EmfAggregator}.
 */
public final class EmfCacheMetrics implements CacheLookups {
    public static final String CACHE_HIT = "CacheHit";
    static final List<List<String>> DIMENSION_SETS = List.of(List.of("Service", "Cache"), List.of("Service"));

    private final EmfAggregator emf;
    private final Map<Kind, EmfAggregator.Series> series = new EnumMap<>(Kind.class);

    public EmfCacheMetrics(EmfAggregator emf, String service) {
        this.emf = emf;
        for (Kind kind : Kind.values()) {
            series.put(
                    kind,
                    new EmfAggregator.Series(
                            Map.of("Service", service, "Cache", kind.name()),
                            DIMENSION_SETS,
                            List.of(new EmfAggregator.Definition(CACHE_HIT, EmfWriter.Unit.Count))));
        }
    }

    @Override
    public void lookedUp(Kind kind, boolean hit) {
        emf.add(series.get(kind), hit ? 1 : 0);
    }
}
