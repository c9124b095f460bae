package dev.antigravity.api.http.filter;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller key: {@code burst} requests at once, refilled at {@code rate} per
 * second. Memory stays bounded: when there are too many keys, buckets that have refilled
 * completely (callers that went quiet) are dropped, which loses no information.
 */
public final class TokenBuckets {
    private final double ratePerNano;
    private final double burst;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double ratePerSecond, int burst, int maxKeys, LongSupplier nanoTime) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    /** Takes a token for {@code key}: {@link Duration#ZERO} if granted, else how long until one is available. */
    public Duration take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            evictFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            Duration wait = untilToken(bucket, now);
            if (wait.isZero()) {
                bucket.tokens -= 1;
            }
            return wait;
        }
    }

    /**
     * How long until {@code key} has a token, without taking one ({@link Duration#ZERO}: it has
     * one now). A key never charged has a full bucket and is not stored.
     */
    public Duration peek(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        synchronized (bucket) {
            return untilToken(bucket, nanoTime.getAsLong());
        }
    }

    /** Refills {@code bucket} (held locked by the caller) and says how long until it holds a whole token. */
    private Duration untilToken(Bucket bucket, long now) {
        bucket.refill(now, ratePerNano, burst);
        return bucket.tokens >= 1
                ? Duration.ZERO
                : Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / ratePerNano));
    }

    int size() {
        return buckets.size();
    }

    private void evictFull(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().refill(now, ratePerNano, burst);
                return e.getValue().tokens >= burst;
            }
        });
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        private Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        private void refill(long now, double ratePerNano, double burst) {
            tokens = Math.min(burst, tokens + (now - updatedAt) * ratePerNano);
            updatedAt = now;
        }
    }
}
