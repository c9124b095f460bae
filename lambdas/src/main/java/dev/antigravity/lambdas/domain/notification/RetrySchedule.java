package dev.antigravity.lambdas.domain.notification;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before each retry of a delivery.
 *
 * <p>Without a server hint: exponential backoff with "equal jitter" (half the step fixed, half random), so
 * concurrent notifiers spread out but never hammer the server with a zero wait. With a {@code Retry-After} hint:
 * exactly that long, capped at {@code retryAfterCap} so a hint of an hour cannot hold the Lambda until its timeout
 * (after the last attempt the failure surfaces and Lambda's retry and DLQ take over).
 */
public record RetrySchedule(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration retryAfterCap) {
    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || retryAfterCap.isNegative()) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay and retryAfterCap >= 0");
        }
    }

    /**
     * Four attempts with at most ~3.5 s of backoff between them, or up to 10 s each when the server asks: with the
     * notifier's 3 s connect and 5 s read timeouts one channel takes at most 4 × 8 s + 3 × 10 s = 62 s.
     */
    public static RetrySchedule standard() {
        return new RetrySchedule(4, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(10));
    }

    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /**
     * The wait before attempt {@code attemptsMade + 1}.
     *
     * @param random uniform in [0, 1), injected so tests are deterministic
     */
    public Duration delayAfter(int attemptsMade, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (retryAfter.isPresent()) {
            Duration hint = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return hint.compareTo(retryAfterCap) > 0 ? retryAfterCap : hint;
        }
        long stepMillis = baseDelay.toMillis() << Math.min(attemptsMade - 1, 20);
        long capped = Math.min(stepMillis, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }
}
