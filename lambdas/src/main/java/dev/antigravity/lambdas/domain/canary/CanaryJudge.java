package dev.antigravity.lambdas.domain.canary;

import dev.antigravity.lambdas.domain.canary.CanaryJudgement.Verdict;
import dev.antigravity.lambdas.domain.canary.MetricComparison.Metric;
import dev.antigravity.lambdas.domain.canary.MetricComparison.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * Judges a canary against its baseline over the same minutes, the way Kayenta does: each metric is compared by a
 * one-sided test (error rate: two-proportion z-test; latency: Mann-Whitney U on per-minute samples), the score is
 * the share of tested metrics that passed, and the score against the pass and marginal thresholds gives the
 * verdict. A critical metric (the error rate) that fails fails the canary whatever the score. A metric without
 * enough samples is never counted as a pass: with nothing failed, the verdict is TOO_LITTLE_DATA.
 */
public final class CanaryJudge {
    private final CanaryCriteria criteria;

    public CanaryJudge(CanaryCriteria criteria) {
        this.criteria = criteria;
    }

    public CanaryJudgement judge(RevisionSeries baseline, RevisionSeries canary) {
        List<MetricComparison> metrics = List.of(errorRate(baseline, canary), latency(baseline, canary));
        List<MetricComparison> tested = metrics.stream()
                .filter(m -> m.outcome() != Outcome.TOO_LITTLE_DATA)
                .toList();
        double score = tested.isEmpty()
                ? Double.NaN
                : 100.0
                        * tested.stream()
                                .filter(m -> m.outcome() == Outcome.PASS)
                                .count()
                        / tested.size();
        boolean criticalFailed = metrics.stream().anyMatch(m -> m.metric().critical() && m.outcome() == Outcome.FAIL);
        Verdict verdict;
        if (criticalFailed) {
            verdict = Verdict.FAIL;
        } else if (tested.size() < metrics.size()) {
            // A score over fewer metrics would be harsher or kinder than the same evidence with all of them.
            verdict = Verdict.TOO_LITTLE_DATA;
        } else if (score >= criteria.passScore()) {
            verdict = Verdict.PASS;
        } else if (score >= criteria.marginalScore()) {
            verdict = Verdict.MARGINAL;
        } else {
            verdict = Verdict.FAIL;
        }
        boolean bothDegraded = verdict == Verdict.PASS && degraded(baseline) && degraded(canary);
        return new CanaryJudgement(
                verdict,
                score,
                metrics,
                bothDegraded,
                summary(verdict, score, metrics, bothDegraded, baseline, canary));
    }

    private MetricComparison errorRate(RevisionSeries baseline, RevisionSeries canary) {
        long nb = baseline.requests();
        long nc = canary.requests();
        if (nb < criteria.minRequests() || nc < criteria.minRequests()) {
            return new MetricComparison(
                    Metric.ERROR_RATE,
                    Outcome.TOO_LITTLE_DATA,
                    baseline.errorRate(),
                    canary.errorRate(),
                    nb,
                    nc,
                    Double.NaN,
                    "error rate: " + nb + " and " + nc + " requests, need " + criteria.minRequests() + " on each side");
        }
        double p = ErrorRateTest.pValue(baseline.errors(), nb, canary.errors(), nc, criteria.errorRateTolerance());
        Outcome outcome = p < criteria.significance() ? Outcome.FAIL : Outcome.PASS;
        return new MetricComparison(
                Metric.ERROR_RATE,
                outcome,
                baseline.errorRate(),
                canary.errorRate(),
                nb,
                nc,
                p,
                String.format(
                        Locale.ROOT,
                        "5xx rate %s vs %s (%d vs %d requests, tolerance %s points, p=%.4f)",
                        percent(baseline.errorRate()),
                        percent(canary.errorRate()),
                        nb,
                        nc,
                        percent(criteria.errorRateTolerance()),
                        p));
    }

    private MetricComparison latency(RevisionSeries baseline, RevisionSeries canary) {
        double[] b = baseline.latencies();
        double[] c = canary.latencies();
        if (b.length < criteria.minLatencyMinutes() || c.length < criteria.minLatencyMinutes()) {
            return new MetricComparison(
                    Metric.LATENCY,
                    Outcome.TOO_LITTLE_DATA,
                    baseline.medianLatency(),
                    canary.medianLatency(),
                    b.length,
                    c.length,
                    Double.NaN,
                    "latency: " + b.length + " and " + c.length + " minutes with traffic, need "
                            + criteria.minLatencyMinutes() + " on each side");
        }
        LatencyTest.Result result = LatencyTest.compare(b, c, criteria.latencyTolerance());
        Outcome outcome = result.pValue() < criteria.significance() ? Outcome.FAIL : Outcome.PASS;
        return new MetricComparison(
                Metric.LATENCY,
                outcome,
                baseline.medianLatency(),
                canary.medianLatency(),
                b.length,
                c.length,
                result.pValue(),
                String.format(
                        Locale.ROOT,
                        "latency median %s vs %s per minute (%d vs %d minutes, tolerance %.0f %%, U=%.1f, p=%.4f)",
                        millis(baseline.medianLatency()),
                        millis(canary.medianLatency()),
                        b.length,
                        c.length,
                        criteria.latencyTolerance() * 100,
                        result.canaryU(),
                        result.pValue()));
    }

    private boolean degraded(RevisionSeries series) {
        return series.errorRate() >= criteria.degradedErrorRate()
                || series.medianLatency() >= criteria.degradedLatencySeconds();
    }

    private static String summary(
            Verdict verdict,
            double score,
            List<MetricComparison> metrics,
            boolean bothDegraded,
            RevisionSeries baseline,
            RevisionSeries canary) {
        StringBuilder text = new StringBuilder("canary ").append(verdict);
        if (!Double.isNaN(score)) {
            text.append(String.format(Locale.ROOT, " (score %.0f)", score));
        }
        text.append(": ").append(canary.revision()).append(" against ").append(baseline.revision());
        if (bothDegraded) {
            text.append("; both revisions are degraded together, so not the new revision's fault");
        }
        metrics.forEach(m -> text.append("; ").append(m.outcome()).append(' ').append(m.detail()));
        return text.toString();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    static String millis(double seconds) {
        return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }
}
