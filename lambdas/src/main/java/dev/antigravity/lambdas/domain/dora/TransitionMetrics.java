package dev.antigravity.lambdas.domain.dora;

import dev.antigravity.events.platform.TimelineKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DORA data points one ledger transition yields, so CloudWatch can chart the four keys live (the CLI report
 * computes the same figures from the ledger over any window):
 * <ul>
 *   <li>every transition: {@code DeploymentTransitions} = 1 (the state is a property of the line);</li>
 *   <li>to STABLE: {@code Deployments} = 1 and {@code LeadTimeSeconds} (image pushed → stable);</li>
 *   <li>the transition that first marks the deployment failed (FAILED, or ROLLING_BACK when nothing failed it
 *       before): {@code ChangeFailures} = 1;</li>
 *   <li>to ROLLED_BACK: {@code TimeToRestoreSeconds} (failure → rollback completed).</li>
 * </ul>
 */
public final class TransitionMetrics {
    private TransitionMetrics() {}

    /** @param after the record as the transition left it (its state is the new state) */
    public static List<MetricValue> of(DeploymentFacts after) {
        List<MetricValue> values = new ArrayList<>();
        values.add(new MetricValue("DeploymentTransitions", MetricValue.COUNT, 1));
        switch (after.state()) {
            case "STABLE" -> {
                values.add(new MetricValue("Deployments", MetricValue.COUNT, 1));
                between(after.at(TimelineKey.imagePushedAt), after.at(TimelineKey.stableAt))
                        .ifPresent(lead -> values.add(seconds("LeadTimeSeconds", lead)));
            }
            case "FAILED", "ROLLING_BACK" -> {
                if (firstFailure(after)) {
                    values.add(new MetricValue("ChangeFailures", MetricValue.COUNT, 1));
                }
            }
            case "ROLLED_BACK" ->
                between(after.failedAt(), after.at(TimelineKey.rolledBackAt))
                        .ifPresent(restore -> values.add(seconds("TimeToRestoreSeconds", restore)));
            default -> {}
        }
        return List.copyOf(values);
    }

    /** A FAILED that follows a ROLLING_BACK (or the reverse) is the same failure, counted once. */
    private static boolean firstFailure(DeploymentFacts after) {
        Optional<Instant> failed = after.at(TimelineKey.failedAt);
        Optional<Instant> rollback = after.at(TimelineKey.rollbackStartedAt);
        return after.state().equals("FAILED") ? rollback.isEmpty() : failed.isEmpty();
    }

    private static Optional<Duration> between(Optional<Instant> from, Optional<Instant> to) {
        return from.flatMap(start -> to.map(end -> Duration.between(start, end)))
                .filter(d -> !d.isNegative());
    }

    private static MetricValue seconds(String name, Duration duration) {
        return new MetricValue(name, MetricValue.SECONDS, duration.toMillis() / 1000.0);
    }
}
