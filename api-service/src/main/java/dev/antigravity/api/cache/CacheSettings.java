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
        Duration warnInterval) {

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
                positive(cache, "warn.interval", Duration.ofMinutes(1)));
    }

    private static Duration positive(Config cache, String key, Duration fallback) {
        Duration value = cache.get(key).as(Duration.class).orElse(fallback);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("cache." + key + " must be positive: " + value);
        }
        return value;
    }
}
