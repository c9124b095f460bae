package dev.antigravity.lambdas.domain.canary;

/**
 * How the canary is judged.
 *
 * @param minRequests           requests each revision must have served before its error rate is compared
 * @param minLatencyMinutes     minutes with a latency sample each revision must have before latency is compared
 * @param errorRateTolerance    how many points of error rate (0.002 = 0.2 %) the canary may exceed the baseline by
 *                              before a significant difference counts against it
 * @param latencyTolerance      how much slower (0.2 = 20 %) the canary's per-minute latency may be before a
 *                              significant difference counts against it
 * @param significance          the one-sided level at which a difference is significant (0.05)
 * @param passScore             Kayenta's pass threshold on the 0-100 score (75)
 * @param marginalScore         Kayenta's marginal threshold (50): below it the canary fails
 * @param degradedErrorRate     a revision at or above this error rate is degraded in absolute terms
 * @param degradedLatencySeconds a revision whose median per-minute latency is at or above this is degraded
 */
public record CanaryCriteria(
        long minRequests,
        int minLatencyMinutes,
        double errorRateTolerance,
        double latencyTolerance,
        double significance,
        double passScore,
        double marginalScore,
        double degradedErrorRate,
        double degradedLatencySeconds) {
    public CanaryCriteria {
        if (minRequests < 1
                || minLatencyMinutes < 2
                || errorRateTolerance < 0
                || latencyTolerance < 0
                || significance <= 0
                || significance >= 1
                || marginalScore < 0
                || passScore < marginalScore
                || passScore > 100
                || degradedErrorRate <= 0
                || degradedLatencySeconds <= 0) {
            throw new IllegalArgumentException("canary criteria out of range: " + this);
        }
    }

    /**
     * 200 requests and 5 minutes each; 0.2 points of error rate and 20 % of latency tolerated; 5 % significance;
     * Kayenta's 75/50 thresholds; degraded from 5 % 5xx (the 5xx guard alarm's threshold) or 1 s.
     */
    public static CanaryCriteria standard() {
        return new CanaryCriteria(200, 5, 0.002, 0.2, 0.05, 75, 50, 0.05, 1.0);
    }
}
