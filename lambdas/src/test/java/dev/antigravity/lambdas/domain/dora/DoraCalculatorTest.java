package dev.antigravity.lambdas.domain.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.antigravity.events.platform.TimelineKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DoraCalculatorTest {
    private static final Instant FROM = Instant.parse("2026-11-19T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-26T00:00:00Z");

    /** A week of one service's ledger, with the answers worked out by hand in the comments. */
    static List<DeploymentFacts> weekOfLedger() {
        List<DeploymentFacts> ledger = new ArrayList<>(List.of(
                // Before the window: counts for nothing.
                deployment(
                        "api:0", "STABLE", "imagePushedAt", "2026-11-15T09:00:00Z", "stableAt", "2026-11-15T09:30:00Z"),
                // Pushed before the window, stable inside it: counts, lead 90 min.
                deployment(
                        "api:1", "STABLE", "imagePushedAt", "2026-11-18T23:00:00Z", "stableAt", "2026-11-19T00:30:00Z"),
                deployment(
                        "api:2", "STABLE", "imagePushedAt", "2026-11-20T10:00:00Z", "stableAt", "2026-11-20T10:40:00Z"),
                // Rolled back on an alarm: failure at 09:30, restored by the rollback at 09:42 (12 min).
                deployment(
                        "api:3",
                        "ROLLED_BACK",
                        "imagePushedAt",
                        "2026-11-21T09:00:00Z",
                        "rollbackStartedAt",
                        "2026-11-21T09:30:00Z",
                        "rolledBackAt",
                        "2026-11-21T09:42:00Z"),
                // ECS circuit breaker: failure at 12:20, restored when api:5 became STABLE at 13:05 (45 min).
                deployment(
                        "api:4", "FAILED", "imagePushedAt", "2026-11-22T12:00:00Z", "failedAt", "2026-11-22T12:20:00Z"),
                deployment(
                        "api:5", "STABLE", "imagePushedAt", "2026-11-22T12:50:00Z", "stableAt", "2026-11-22T13:05:00Z"),
                // Superseded before an outcome: neither success nor failure.
                deployment(
                        "api:8",
                        "SUPERSEDED",
                        "imagePushedAt",
                        "2026-11-23T01:00:00Z",
                        "supersededAt",
                        "2026-11-23T01:10:00Z"),
                deployment(
                        "api:6", "STABLE", "imagePushedAt", "2026-11-24T08:00:00Z", "stableAt", "2026-11-24T08:20:00Z"),
                // Rollback failed: failure from the rollback start at 20:30; restored by api:10 at 00:00 (210 min).
                deployment(
                        "api:7",
                        "ROLLBACK_FAILED",
                        "imagePushedAt",
                        "2026-11-25T20:00:00Z",
                        "rollbackStartedAt",
                        "2026-11-25T20:30:00Z",
                        "failedAt",
                        "2026-11-25T20:35:00Z"),
                // Still in flight: no outcome.
                deployment(
                        "api:9",
                        "IN_PROGRESS",
                        "imagePushedAt",
                        "2026-11-25T23:50:00Z",
                        "startedAt",
                        "2026-11-25T23:51:00Z"),
                // STABLE exactly at the window's (exclusive) end: not a deployment of this window.
                deployment(
                        "api:10",
                        "STABLE",
                        "imagePushedAt",
                        "2026-11-25T23:40:00Z",
                        "stableAt",
                        "2026-11-26T00:00:00Z")));
        Collections.shuffle(ledger, new Random(7));
        return ledger;
    }

    @Test
    void theFourKeysOfAKnownWeek() {
        DoraReport report = DoraCalculator.compute("antigravity-prod/api", weekOfLedger(), FROM, TO);

        assertThat(report.deployments()).isEqualTo(4);
        assertThat(report.perDay()).isCloseTo(4 / 7.0, within(1e-9));
        // Lead times 15, 20, 40, 90 min: nearest-rank median is the 2nd, p90 the 4th.
        assertThat(report.leadTimeSamples()).isEqualTo(4);
        assertThat(report.leadTimeMedian()).contains(Duration.ofMinutes(20));
        assertThat(report.leadTimeP90()).contains(Duration.ofMinutes(90));
        assertThat(report.finished()).isEqualTo(7);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.changeFailureRate())
                .hasValueSatisfying(rate -> assertThat(rate).isCloseTo(3 / 7.0, within(1e-9)));
        // Restore times 12, 45, 210 min.
        assertThat(report.restored()).isEqualTo(3);
        assertThat(report.unrestored()).isZero();
        assertThat(report.restoreMedian()).contains(Duration.ofMinutes(45));
    }

    @Test
    void aFailureNothingHasRestoredYetIsCountedApart() {
        List<DeploymentFacts> ledger = List.of(
                deployment(
                        "api:1", "STABLE", "imagePushedAt", "2026-11-20T10:00:00Z", "stableAt", "2026-11-20T10:30:00Z"),
                deployment(
                        "api:2",
                        "ROLLING_BACK",
                        "imagePushedAt",
                        "2026-11-25T10:00:00Z",
                        "rollbackStartedAt",
                        "2026-11-25T10:30:00Z"));

        DoraReport report = DoraCalculator.compute("api", ledger, FROM, TO);

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.changeFailureRate()).contains(0.5);
        assertThat(report.restored()).isZero();
        assertThat(report.unrestored()).isEqualTo(1);
        assertThat(report.restoreMedian()).isEmpty();
    }

    @Test
    void anEmptyWindowHasNoRatesRatherThanZeroes() {
        DoraReport report = DoraCalculator.compute("api", List.of(), FROM, TO);

        assertThat(report.deployments()).isZero();
        assertThat(report.perDay()).isZero();
        assertThat(report.leadTimeMedian()).isEmpty();
        assertThat(report.changeFailureRate()).isEmpty();
        assertThat(report.restoreMedian()).isEmpty();
    }

    @Test
    void aStableDeploymentWithoutAKnownPushTimeCountsForFrequencyButNotLeadTime() {
        DoraReport report = DoraCalculator.compute(
                "api", List.of(deployment("api:1", "STABLE", "stableAt", "2026-11-20T10:30:00Z")), FROM, TO);

        assertThat(report.deployments()).isEqualTo(1);
        assertThat(report.leadTimeSamples()).isZero();
    }

    static DeploymentFacts deployment(String id, String state, String... keysAndTimes) {
        Map<TimelineKey, Instant> timeline = new EnumMap<>(TimelineKey.class);
        for (int i = 0; i < keysAndTimes.length; i += 2) {
            timeline.put(TimelineKey.valueOf(keysAndTimes[i]), Instant.parse(keysAndTimes[i + 1]));
        }
        return new DeploymentFacts("api", id, state, timeline);
    }
}
