package dev.antigravity.lambdas.domain.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.antigravity.lambdas.domain.canary.CanaryJudgement.Verdict;
import dev.antigravity.lambdas.domain.canary.MetricComparison.Metric;
import dev.antigravity.lambdas.domain.canary.MetricComparison.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The judge on synthetic series whose answer is known by construction. */
class CanaryJudgeTest {
    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
    private final CanaryJudge judge = new CanaryJudge(CanaryCriteria.standard());

    /**
     * {@code minutes} minutes of {@code requestsPerMinute}, {@code errorRate} of them 5xx, latency around
     * {@code latency} seconds with +-5 % noise from a seeded generator (so each run sees the same series).
     */
    private static RevisionSeries series(
            String revision, int minutes, long requestsPerMinute, double errorRate, double latency, long seed) {
        Random noise = new Random(seed);
        List<MinuteFigures> figures = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            long errors = Math.round(requestsPerMinute * errorRate);
            figures.add(new MinuteFigures(
                    START.plusSeconds(60L * m),
                    requestsPerMinute,
                    errors,
                    requestsPerMinute == 0 ? null : latency * (0.95 + 0.1 * noise.nextDouble())));
        }
        return new RevisionSeries(revision, figures);
    }

    @Test
    void identicalRevisionsPassWithFullScore() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 10, 2000, 0.01, 0.120, 1), series("api:7", 10, 100, 0.01, 0.120, 2));

        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
        assertThat(judgement.score()).isEqualTo(100);
        assertThat(judgement.bothDegraded()).isFalse();
        assertThat(judgement.metrics()).extracting(MetricComparison::outcome).containsOnly(Outcome.PASS);
    }

    @Test
    void latencyShiftedBeyondTheToleranceFailsThatMetricAndTheCanaryIsMarginal() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 10, 2000, 0.01, 0.120, 1), series("api:7", 10, 100, 0.01, 0.180, 2));

        assertThat(outcome(judgement, Metric.LATENCY)).isEqualTo(Outcome.FAIL);
        assertThat(outcome(judgement, Metric.ERROR_RATE)).isEqualTo(Outcome.PASS);
        assertThat(judgement.score()).isEqualTo(50);
        assertThat(judgement.verdict()).isEqualTo(Verdict.MARGINAL);
    }

    @Test
    void latencyShiftedWithinTheToleranceIsNotEvidence() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 10, 2000, 0.01, 0.120, 1), series("api:7", 10, 100, 0.01, 0.130, 2));

        assertThat(outcome(judgement, Metric.LATENCY)).isEqualTo(Outcome.PASS);
        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void doubledErrorRateFailsTheCanaryWhateverTheScore() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 10, 2000, 0.01, 0.120, 1), series("api:7", 10, 300, 0.02, 0.120, 2));

        assertThat(outcome(judgement, Metric.ERROR_RATE)).isEqualTo(Outcome.FAIL);
        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.summary()).contains("1.00 %", "2.00 %", "api:7 against api:6");
        MetricComparison errors = judgement.metrics().getFirst();
        assertThat(errors.baseline()).isEqualTo(0.01);
        assertThat(errors.canary()).isEqualTo(0.02);
        assertThat(errors.canarySamples()).isEqualTo(3000);
    }

    @Test
    void tinySamplesAreTooLittleDataNeverAPass() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 3, 2000, 0.01, 0.120, 1), series("api:7", 3, 5, 0.0, 0.120, 2));

        assertThat(judgement.verdict()).isEqualTo(Verdict.TOO_LITTLE_DATA);
        assertThat(judgement.metrics()).extracting(MetricComparison::outcome).containsOnly(Outcome.TOO_LITTLE_DATA);
        assertThat(judgement.summary()).contains("15 requests, need 200", "3 minutes with traffic, need 5");
    }

    @Test
    void enoughRequestsButTooFewMinutesIsStillTooLittleData() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 4, 2000, 0.01, 0.120, 1), series("api:7", 4, 400, 0.01, 0.120, 2));

        assertThat(outcome(judgement, Metric.ERROR_RATE)).isEqualTo(Outcome.PASS);
        assertThat(judgement.verdict()).isEqualTo(Verdict.TOO_LITTLE_DATA);
    }

    @Test
    void aClearErrorIncreaseFailsEvenBeforeLatencyHasEnoughMinutes() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 3, 5000, 0.01, 0.120, 1), series("api:7", 3, 1000, 0.05, 0.120, 2));

        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void bothRevisionsDegradedTogetherPassAndSaySo() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 10, 2000, 0.08, 1.500, 1), series("api:7", 10, 100, 0.08, 1.500, 2));

        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
        assertThat(judgement.bothDegraded()).isTrue();
        assertThat(judgement.summary()).contains("both revisions are degraded together");
    }

    @Test
    void aDegradedCanaryBesideAHealthyBaselineFails() {
        CanaryJudgement judgement =
                judge.judge(series("api:6", 10, 2000, 0.01, 0.120, 1), series("api:7", 10, 100, 0.08, 1.500, 2));

        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.bothDegraded()).isFalse();
    }

    @Test
    void twoProportionTestMatchesTheHandComputedValue() {
        // 100/10000 vs 200/10000: pooled 0.015, SE = sqrt(0.015 * 0.985 * 2/10000) = 0.0017190, z = 5.8173.
        assertThat(ErrorRateTest.pValue(100, 10_000, 200, 10_000, 0)).isCloseTo(2.99e-9, within(0.05e-9));
        // 1 % vs 1.2 % with a 0.2-point tolerance is exactly at the margin: z = 0, p = 0.5.
        assertThat(ErrorRateTest.pValue(100, 10_000, 120, 10_000, 0.002)).isCloseTo(0.5, within(1e-9));
        assertThat(ErrorRateTest.pValue(0, 1000, 0, 1000, 0)).isEqualTo(1);
    }

    @Test
    void mannWhitneyMatchesTheHandComputedValue() {
        // Fully separated, 5 against 5: U = 25, mean 12.5, variance 5 * 5 * 11 / 12 = 22.917,
        // z = (25 - 12.5 - 0.5) / 4.787 = 2.5067, one-sided p = 0.006093.
        LatencyTest.Result slower = LatencyTest.compare(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}, 0);
        assertThat(slower.canaryU()).isEqualTo(25);
        assertThat(slower.pValue()).isCloseTo(0.006093, within(0.000005));
        // The other way round the canary is faster: no evidence at all.
        assertThat(LatencyTest.compare(new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5}, 0)
                        .pValue())
                .isGreaterThan(0.99);
        // All equal: variance zero after the tie correction, nothing is slower.
        assertThat(LatencyTest.compare(new double[] {1, 1, 1}, new double[] {1, 1, 1}, 0)
                        .pValue())
                .isEqualTo(1);
    }

    private static Outcome outcome(CanaryJudgement judgement, Metric metric) {
        return judgement.metrics().stream()
                .filter(m -> m.metric() == metric)
                .findFirst()
                .orElseThrow()
                .outcome();
    }
}
