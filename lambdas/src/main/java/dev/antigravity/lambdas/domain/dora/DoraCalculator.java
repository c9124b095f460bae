package dev.antigravity.lambdas.domain.dora;

import dev.antigravity.events.platform.TimelineKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * DORA's four keys from the deployment ledger of one service, over {@code [from, to)}.
 *
 * <ul>
 *   <li>Deployment frequency: deployments whose {@code stableAt} lies in the window, per day.</li>
 *   <li>Lead time for changes: {@code imagePushedAt → stableAt} (the image push stands in for the commit: CI pushes
 *       {@code sha-<commit>} minutes after the merge), median and 90th percentile.</li>
 *   <li>Change failure rate: of the deployments that reached an outcome in the window (STABLE, or failed: ECS's
 *       circuit breaker, a failed verification, a rollback), the share that failed. Superseded and still-running
 *       deployments have no outcome and do not count.</li>
 *   <li>Time to restore: from the failure (the earlier of {@code failedAt} and {@code rollbackStartedAt}) to the
 *       service being healthy again: the rollback completing ({@code rolledBackAt}), or else the next deployment
 *       of the service reaching STABLE, whichever came first.</li>
 * </ul>
 */
public final class DoraCalculator {
    private DoraCalculator() {}

    public static DoraReport compute(String service, List<DeploymentFacts> history, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window must end after it starts");
        }
        List<Instant> stableTimes = history.stream()
                .flatMap(d -> d.at(TimelineKey.stableAt).stream())
                .sorted()
                .toList();
        int deployments = 0;
        List<Duration> leadTimes = new ArrayList<>();
        int failed = 0;
        List<Duration> restoreTimes = new ArrayList<>();
        int unrestored = 0;
        for (DeploymentFacts deployment : history) {
            Optional<Instant> stableAt = deployment.at(TimelineKey.stableAt).filter(at -> within(at, from, to));
            if (stableAt.isPresent()) {
                deployments++;
                deployment
                        .at(TimelineKey.imagePushedAt)
                        .map(pushed -> Duration.between(pushed, stableAt.get()))
                        .filter(lead -> !lead.isNegative())
                        .ifPresent(leadTimes::add);
            }
            Optional<Instant> failedAt = deployment.failedAt().filter(at -> within(at, from, to));
            if (failedAt.isPresent()) {
                failed++;
                Optional<Instant> restoredAt = restoredAt(deployment, failedAt.get(), stableTimes);
                if (restoredAt.isPresent()) {
                    restoreTimes.add(Duration.between(failedAt.get(), restoredAt.get()));
                } else {
                    unrestored++;
                }
            }
        }
        double days = Duration.between(from, to).toSeconds() / 86_400.0;
        int finished = deployments + failed;
        return new DoraReport(
                service,
                from,
                to,
                deployments,
                deployments / days,
                percentile(leadTimes, 50),
                percentile(leadTimes, 90),
                leadTimes.size(),
                finished,
                failed,
                finished == 0 ? Optional.empty() : Optional.of((double) failed / finished),
                percentile(restoreTimes, 50),
                restoreTimes.size(),
                unrestored);
    }

    private static Optional<Instant> restoredAt(
            DeploymentFacts deployment, Instant failedAt, List<Instant> stableTimes) {
        Optional<Instant> rolledBack = deployment.at(TimelineKey.rolledBackAt).filter(at -> !at.isBefore(failedAt));
        Optional<Instant> nextStable =
                stableTimes.stream().filter(at -> at.isAfter(failedAt)).findFirst();
        return rolledBack.isPresent() && nextStable.isPresent()
                ? Optional.of(rolledBack.get().isBefore(nextStable.get()) ? rolledBack.get() : nextStable.get())
                : rolledBack.or(() -> nextStable);
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** Nearest-rank percentile (no interpolation: every reported value is one that happened). */
    static Optional<Duration> percentile(List<Duration> samples, int percent) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted =
                samples.stream().sorted(Comparator.naturalOrder()).toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(rank, 1) - 1));
    }
}
