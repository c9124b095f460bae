package dev.antigravity.lambdas.domain;

import java.time.Duration;

/**
 * Tunables of the policies (BAKE_MINUTES, ROLLBACK_LIMIT, ROLLBACK_WINDOW_MINUTES, ENVIRONMENT).
 *
 * @param rollbackLimit at most this many automatic rollbacks of one service per window; one more suspends automation
 */
public record Settings(String environment, Duration bake, int rollbackLimit, Duration rollbackWindow) {
    public static final Duration DEFAULT_BAKE = Duration.ofMinutes(15);
    public static final int DEFAULT_ROLLBACK_LIMIT = 3;
    public static final Duration DEFAULT_ROLLBACK_WINDOW = Duration.ofMinutes(60);

    public Settings {
        if (bake.isNegative() || rollbackLimit < 0 || rollbackWindow.isNegative()) {
            throw new IllegalArgumentException("bake, rollback limit and window must not be negative");
        }
    }
}
