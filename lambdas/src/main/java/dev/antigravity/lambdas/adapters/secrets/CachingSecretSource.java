package dev.antigravity.lambdas.adapters.secrets;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each secret for a TTL so a warm Lambda does not call Secrets Manager per event, yet picks up a rotated
 * value within the TTL (or at once after {@link #invalidate}).
 */
public final class CachingSecretSource implements SecretSource {
    private final SecretSource delegate;
    private final Duration ttl;
    private final InstantSource clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CachingSecretSource(SecretSource delegate, Duration ttl, InstantSource clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Secret get(String secretId) {
        Instant now = clock.instant();
        Cached cached = cache.get(secretId);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.secret();
        }
        Secret fresh = delegate.get(secretId);
        cache.put(secretId, new Cached(fresh, now.plus(ttl)));
        return fresh;
    }

    @Override
    public void invalidate(String secretId) {
        cache.remove(secretId);
    }

    private record Cached(Secret secret, Instant expiresAt) {}
}
