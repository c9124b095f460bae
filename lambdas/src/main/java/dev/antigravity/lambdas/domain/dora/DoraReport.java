package dev.antigravity.lambdas.domain.dora;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The four DORA figures of one service over a window. Durations are empty when no deployment in the window gives
 * a sample; a rate is empty when its denominator is zero (a 0 % failure rate over no deployments would be a lie).
 *
 * @param deployments       deployments that reached STABLE in the window
 * @param perDay            {@code deployments} divided by the window's length in days
 * @param leadTimeMedian    image pushed → STABLE, median over the window's stable deployments that know the push time
 * @param leadTimeSamples   how many deployments the lead time is computed from
 * @param finished          deployments that reached an outcome (STABLE or a failure) in the window
 * @param failed            of those, the ones that failed (ECS circuit breaker, failed verification, rolled back)
 * @param changeFailureRate {@code failed / finished}
 * @param restoreMedian     failure → restored (rollback completed or the next STABLE deployment), median
 * @param restored          failures in the window with a restore time
 * @param unrestored        failures in the window not restored yet
 */
public record DoraReport(
        String service,
        Instant from,
        Instant to,
        int deployments,
        double perDay,
        Optional<Duration> leadTimeMedian,
        Optional<Duration> leadTimeP90,
        int leadTimeSamples,
        int finished,
        int failed,
        Optional<Double> changeFailureRate,
        Optional<Duration> restoreMedian,
        int restored,
        int unrestored) {}
