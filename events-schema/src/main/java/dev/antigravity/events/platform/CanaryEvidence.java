package dev.antigravity.events.platform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The evidence behind a CanaryJudged event: the new revision's target group against the old one's over the same
 * minutes. Figures that could not be computed (no samples, no test) are null.
 *
 * @param verdict          PASS, MARGINAL, FAIL or TOO_LITTLE_DATA
 * @param score            Kayenta's 0-100 score over the tested metrics
 * @param bothDegraded     both revisions were degraded together, so the new one is not to blame
 * @param baselineRevision the old ECS service revision
 * @param canaryRevision   the new ECS service revision
 */
public record CanaryEvidence(
        String verdict,
        Double score,
        boolean bothDegraded,
        String baselineRevision,
        String canaryRevision,
        Instant windowStart,
        Instant windowEnd,
        List<Metric> metrics) {
    public CanaryEvidence {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(baselineRevision, "baselineRevision");
        Objects.requireNonNull(canaryRevision, "canaryRevision");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric, the two revisions side by side: ERROR_RATE (a fraction, samples are requests) or LATENCY (median
     * per-minute seconds, samples are minutes); outcome PASS, FAIL or TOO_LITTLE_DATA.
     */
    public record Metric(
            String name,
            String outcome,
            Double baseline,
            Double canary,
            long baselineSamples,
            long canarySamples,
            Double pValue) {
        public Metric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
