package dev.antigravity.api.cache;

import io.helidon.config.Config;
import java.net.URI;
import java.time.Duration;

/** The {@code cache.*} settings (README, "Configuration"). */
record CacheSettings(
        URI url,
        String password,
        String prefix,
        Duration productTtl,
        Duration pageTtl,
        Duration timeout,
        int poolSize,
        Duration retry,
        Duration warnInterval,
        int nearSize,
        Duration nearHeartbeat,
        Duration invalidationLinger) {

    static CacheSettings from(Config cache, URI url) {
        return new CacheSettings(
                url,
                cache.get("password").asString().orElse(""),
                cache.get("prefix").asString().orElse("antigravity:"),
                positive(cache, "ttl.product", Duration.ofMinutes(5)),
                positive(cache, "ttl.page", Duration.ofMinutes(1)),
                positive(cache, "timeout", Duration.ofMillis(250)),
                cache.get("pool.size").asInt().orElse(16),
                positive(cache, "retry", Duration.ofSeconds(1)),
                positive(cache, "warn.interval", Duration.ofMinutes(1)),
                nearSize(cache),
                positive(cache, "near.heartbeat", Duration.ofSeconds(1)),
                invalidationLinger(cache));
    }

    /**
     * How long a batch of invalidations waits for more writers when the previous batch started less than this ago
     * ({@link InvalidationBatches}); zero = never (each batch goes out as soon as the one in flight is answered). 5 ms:
     * about a third of the script calls per order of no linger, for at most 5 ms more per write under load (an order's
     * p99 is ~80 ms; docs/benchmarks.md, issue 12 session 7).
     */
    private static Duration invalidationLinger(Config cache) {
        Duration linger = cache.get("invalidation.linger").as(Duration.class).orElse(Duration.ofMillis(5));
        if (linger.isNegative()) {
            throw new IllegalArgumentException("cache.invalidation.linger must be zero (none) or more: " + linger);
        }
        return linger;
    }

    /** Products kept in the heap ({@link NearCache}; a page counts its items); 0 turns it off (every read asks Redis). */
    private static int nearSize(Config cache) {
        int size = cache.get("near.size").asInt().orElse(10_000);
        if (size < 0) {
            throw new IllegalArgumentException("cache.near.size must be 0 (off) or more: " + size);
        }
        return size;
    }

    private static Duration positive(Config cache, String key, Duration fallback) {
        Duration value = cache.get(key).as(Duration.class).orElse(fallback);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("cache." + key + " must be positive: " + value);
        }
        return value;
    }
}
