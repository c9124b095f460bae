package dev.antigravity.lambdas.domain;

import java.time.Duration;

/**
 * Tunables of the policies (BAKE_MINUTES, ROLLBACK_LIMIT, ROLLBACK_WINDOW_MINUTES, STRANDED_AFTER_MINUTES,
 * ENVIRONMENT).
 *
 * @param rollbackLimit at most this many automatic rollbacks of one service per window; one more suspends automation
 * @param strandedAfter an in-flight record (PENDING, IN_PROGRESS, VERIFYING) that has not moved for this long is
 *                      presumed stranded (its ECS event was lost or its handler died): the stabilizer drives it
 *                      from what ECS reports, and until then a duplicate COMPLETED does not start a second
 *                      verification beside a live one
 */
public record Settings(
        String environment, Duration bake, int rollbackLimit, Duration rollbackWindow, Duration strandedAfter) {
    public static final Duration DEFAULT_BAKE = Duration.ofMinutes(15);
    public static final int DEFAULT_ROLLBACK_LIMIT = 3;
    public static final Duration DEFAULT_ROLLBACK_WINDOW = Duration.ofMinutes(60);
    public static final Duration DEFAULT_STRANDED_AFTER = Duration.ofMinutes(10);

    public Settings {
        if (bake.isNegative() || rollbackLimit < 0 || rollbackWindow.isNegative() || strandedAfter.isNegative()) {
            throw new IllegalArgumentException("bake, rollback limit, window and stranded bound must not be negative");
        }
    }

    public Settings(String environment, Duration bake, int rollbackLimit, Duration rollbackWindow) {
        this(environment, bake, rollbackLimit, rollbackWindow, DEFAULT_STRANDED_AFTER);
    }
}
