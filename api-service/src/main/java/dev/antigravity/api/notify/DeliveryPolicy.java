package dev.antigravity.api.notify;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the delivery job paces itself: messages per run, how long a claim holds (longer than a send
 * can take, so a live sender is never overtaken), and exponential backoff with jitter between
 * attempts, {@code base · 2^(attempt-1)} capped at {@code maxBackoff}, until {@code maxAttempts}.
 * Written out rather than taken from a resilience library: it is one formula over a database
 * column, and the outbox, not a thread, does the waiting.
 */
public record DeliveryPolicy(int batch, Duration lease, int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    public DeliveryPolicy {
        if (batch < 1
                || maxAttempts < 1
                || lease.isNegative()
                || lease.isZero()
                || baseBackoff.isNegative()
                || maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalStateException("notifications: invalid delivery settings " + this);
        }
    }

    /** The wait before the next attempt after {@code attempts} failed ones; empty when they are used up. */
    public Optional<Duration> backoffAfter(int attempts) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long capped = maxBackoff.toMillis();
        long exponential = baseBackoff.toMillis() << Math.min(attempts - 1, 30);
        long delay = exponential <= 0 ? capped : Math.min(capped, exponential);
        // Equal jitter: half fixed, half random, so tasks retrying after one outage spread out.
        long half = delay / 2;
        return Optional.of(Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1)));
    }
}
