package dev.antigravity.lambdas.domain.canary;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on a canary against its baseline over the same minutes.
 *
 * @param score        Kayenta's 0-100: the share of the tested metrics that passed (NaN when none was tested)
 * @param bothDegraded both revisions were degraded in absolute terms and the canary was no worse: a load spike or a
 *                     shared dependency, not the new revision
 */
public record CanaryJudgement(
        Verdict verdict, double score, List<MetricComparison> metrics, boolean bothDegraded, String summary) {
    public enum Verdict {
        PASS,
        MARGINAL,
        FAIL,
        TOO_LITTLE_DATA
    }

    public CanaryJudgement {
        Objects.requireNonNull(verdict, "verdict");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(summary, "summary");
    }
}
