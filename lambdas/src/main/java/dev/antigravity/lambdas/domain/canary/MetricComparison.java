package dev.antigravity.lambdas.domain.canary;

import java.util.Objects;

/**
 * The evidence for one metric, the two revisions side by side.
 *
 * @param baseline the old revision's figure (error rate as a fraction, or median per-minute latency in seconds)
 * @param canary   the new revision's figure
 * @param baselineSamples requests (error rate) or minutes (latency) behind the baseline's figure
 * @param canarySamples   likewise for the canary
 * @param pValue   one-sided p-value of "the canary is worse beyond the tolerance"; NaN when not tested
 */
public record MetricComparison(
        Metric metric,
        Outcome outcome,
        double baseline,
        double canary,
        long baselineSamples,
        long canarySamples,
        double pValue,
        String detail) {
    public enum Metric {
        /** Target 5xx over requests; critical: a significant increase fails the canary whatever the score. */
        ERROR_RATE(true),
        /** Per-minute target response time percentile. */
        LATENCY(false);

        private final boolean critical;

        Metric(boolean critical) {
            this.critical = critical;
        }

        public boolean critical() {
            return critical;
        }
    }

    public enum Outcome {
        /** Not significantly worse than the baseline beyond the tolerance. */
        PASS,
        /** Significantly worse beyond the tolerance. */
        FAIL,
        /** Too few samples on one side to test. */
        TOO_LITTLE_DATA
    }

    public MetricComparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
