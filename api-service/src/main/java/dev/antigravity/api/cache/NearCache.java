package dev.antigravity.api.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.antigravity.api.model.Page;
import java.util.concurrent.ConcurrentMap;

/**
 * Redis values this task already read, kept in its heap so that a hit costs no round trip
 * (Redis server-assisted client-side caching). Only {@link InvalidationListener} makes entries
 * trustworthy: Redis tells it of every change to a key under the prefix, and it removes the entry.
 *
 * <p>Two races are closed here. A value read from Redis may already be outdated when it arrives
 * (the key changed after the read, its invalidation raced the reply): a reader therefore
 * {@link #reserve reserves} the key before it sends the read, an invalidation removes the
 * reservation, and {@link #fill} stores only over a reservation still in place. And changes made
 * while no invalidation connection is open are never heard of: losing the connection empties the
 * cache and turns it off; it is trusted again only after a new connection tracks the prefix and
 * the cache was emptied once more (so nothing read before that point survives).
 */
final class NearCache {
    /** A reader's claim on a key while its read from Redis is in flight; compared by identity. */
    static final class Reservation {}

    private final ConcurrentMap<String, Object> entries;
    private volatile boolean trusted;

    /** @param maximumProducts what the heap may hold, in products: a page weighs one plus its items */
    NearCache(int maximumProducts) {
        Cache<String, Object> cache = Caffeine.newBuilder()
                .maximumWeight(maximumProducts)
                .weigher((String key, Object value) ->
                        value instanceof Page<?> page ? 1 + page.items().size() : 1)
                .build();
        this.entries = cache.asMap();
    }

    /** The value kept for {@code key}, or null (none, a read in flight, or no invalidation connection). */
    Object hit(String key) {
        if (!trusted) {
            return null;
        }
        Object value = entries.get(key);
        return value instanceof Reservation ? null : value;
    }

    /** Claims {@code key} before reading it from Redis; null when the value must not be kept. */
    Reservation reserve(String key) {
        if (!trusted) {
            return null;
        }
        Reservation reservation = new Reservation();
        return entries.putIfAbsent(key, reservation) == null ? reservation : null;
    }

    /** Keeps what the reserved read returned, unless an invalidation removed the reservation meanwhile. */
    void fill(String key, Reservation reservation, Object value) {
        if (reservation != null) {
            entries.replace(key, reservation, value);
        }
    }

    /** Gives up a reservation that was not filled (a miss, an error). */
    void release(String key, Reservation reservation) {
        if (reservation != null) {
            entries.remove(key, reservation);
        }
    }

    /** Redis changed (or this task just changed) {@code key}. */
    void invalidate(String key) {
        entries.remove(key);
    }

    /** Redis dropped every key (FLUSHDB, FLUSHALL). */
    void invalidateAll() {
        entries.clear();
    }

    /** The invalidation connection is gone: nothing kept may be trusted, nothing is kept until it is back. */
    void distrust() {
        trusted = false;
        entries.clear();
    }

    /** A new invalidation connection tracks the prefix: what was kept before it is dropped, then keeping resumes. */
    void trustFromNow() {
        entries.clear();
        trusted = true;
    }

    boolean trusted() {
        return trusted;
    }
}
