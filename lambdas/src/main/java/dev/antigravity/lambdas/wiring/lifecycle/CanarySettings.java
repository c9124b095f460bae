package dev.antigravity.lambdas.wiring.lifecycle;

import dev.antigravity.lambdas.domain.canary.CanaryCriteria;
import dev.antigravity.lambdas.domain.canary.CanaryPolicy;
import dev.antigravity.lambdas.domain.canary.CanaryPolicy.TooLittleTraffic;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canary analysis's environment. It is on when {@code LIFECYCLE_CANARY_LOAD_BALANCER} names the ALB (its ARN or
 * {@code app/name/id}) whose per-target-group metrics are compared; everything else has a default:
 * <ul>
 *   <li>{@code LIFECYCLE_CANARY_WINDOW_MINUTES} (10), {@code LIFECYCLE_CANARY_BOUND_MINUTES} (30),
 *       {@code LIFECYCLE_CANARY_CALLBACK_SECONDS} (60), {@code LIFECYCLE_CANARY_METRICS_LAG_MINUTES} (1)</li>
 *   <li>{@code LIFECYCLE_CANARY_ON_TOO_LITTLE_TRAFFIC}: FAIL (default) or PASS, at the bound</li>
 *   <li>{@code LIFECYCLE_CANARY_MIN_REQUESTS} (200), {@code LIFECYCLE_CANARY_MIN_MINUTES} (5),
 *       {@code LIFECYCLE_CANARY_ERROR_TOLERANCE} (0.002, points of 5xx rate),
 *       {@code LIFECYCLE_CANARY_LATENCY_TOLERANCE} (0.2, a fraction), {@code LIFECYCLE_CANARY_SIGNIFICANCE} (0.05),
 *       {@code LIFECYCLE_CANARY_PASS_SCORE} (75), {@code LIFECYCLE_CANARY_MARGINAL_SCORE} (50),
 *       {@code LIFECYCLE_CANARY_DEGRADED_ERROR_RATE} (0.05), {@code LIFECYCLE_CANARY_DEGRADED_LATENCY_SECONDS} (1)</li>
 *   <li>{@code LIFECYCLE_CANARY_LATENCY_STATISTIC}: the TargetResponseTime statistic per minute (p99)</li>
 * </ul>
 */
public record CanarySettings(String loadBalancer, String latencyStatistic, CanaryPolicy policy) {
    public static Optional<CanarySettings> from(Map<String, String> env) {
        String loadBalancer = env.get("LIFECYCLE_CANARY_LOAD_BALANCER");
        if (loadBalancer == null || loadBalancer.isBlank()) {
            return Optional.empty();
        }
        CanaryCriteria defaults = CanaryCriteria.standard();
        CanaryPolicy standard = CanaryPolicy.standard();
        try {
            CanaryCriteria criteria = new CanaryCriteria(
                    (long) number(env, "LIFECYCLE_CANARY_MIN_REQUESTS", defaults.minRequests()),
                    (int) number(env, "LIFECYCLE_CANARY_MIN_MINUTES", defaults.minLatencyMinutes()),
                    number(env, "LIFECYCLE_CANARY_ERROR_TOLERANCE", defaults.errorRateTolerance()),
                    number(env, "LIFECYCLE_CANARY_LATENCY_TOLERANCE", defaults.latencyTolerance()),
                    number(env, "LIFECYCLE_CANARY_SIGNIFICANCE", defaults.significance()),
                    number(env, "LIFECYCLE_CANARY_PASS_SCORE", defaults.passScore()),
                    number(env, "LIFECYCLE_CANARY_MARGINAL_SCORE", defaults.marginalScore()),
                    number(env, "LIFECYCLE_CANARY_DEGRADED_ERROR_RATE", defaults.degradedErrorRate()),
                    number(env, "LIFECYCLE_CANARY_DEGRADED_LATENCY_SECONDS", defaults.degradedLatencySeconds()));
            String tooLittle = env.getOrDefault(
                            "LIFECYCLE_CANARY_ON_TOO_LITTLE_TRAFFIC",
                            standard.onTooLittleTraffic().name())
                    .strip()
                    .toUpperCase(Locale.ROOT);
            CanaryPolicy policy = new CanaryPolicy(
                    criteria,
                    Duration.ofMinutes((long) number(
                            env,
                            "LIFECYCLE_CANARY_WINDOW_MINUTES",
                            standard.window().toMinutes())),
                    Duration.ofMinutes((long) number(
                            env,
                            "LIFECYCLE_CANARY_BOUND_MINUTES",
                            standard.bound().toMinutes())),
                    TooLittleTraffic.valueOf(tooLittle),
                    Duration.ofSeconds((long) number(
                            env,
                            "LIFECYCLE_CANARY_CALLBACK_SECONDS",
                            standard.callBackDelay().toSeconds())),
                    Duration.ofMinutes((long) number(
                            env,
                            "LIFECYCLE_CANARY_METRICS_LAG_MINUTES",
                            standard.metricsLag().toMinutes())));
            return Optional.of(new CanarySettings(
                    loadBalancer.strip(),
                    env.getOrDefault("LIFECYCLE_CANARY_LATENCY_STATISTIC", "p99")
                            .strip(),
                    policy));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LIFECYCLE_CANARY_*: " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, String> env, String name, double fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'", e);
        }
    }
}
