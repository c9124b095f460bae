package dev.antigravity.lambdas.domain.canary;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * One-sided two-proportion z-test: is the canary's error rate higher than the baseline's by more than the
 * tolerance? H0: p_canary - p_baseline <= tolerance, with the pooled proportion for the standard error.
 */
final class ErrorRateTest {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ErrorRateTest() {}

    /** @return the p-value of "the canary is worse than the baseline by more than tolerance" */
    static double pValue(
            long baselineErrors, long baselineRequests, long canaryErrors, long canaryRequests, double tolerance) {
        double baselineRate = (double) baselineErrors / baselineRequests;
        double canaryRate = (double) canaryErrors / canaryRequests;
        double excess = canaryRate - baselineRate - tolerance;
        double pooled = (double) (baselineErrors + canaryErrors) / (baselineRequests + canaryRequests);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / baselineRequests + 1.0 / canaryRequests));
        if (standardError == 0) {
            // No errors on either side (or nothing but errors): no spread to test against, only the sign counts.
            return excess > 0 ? 0 : 1;
        }
        return 1 - STANDARD_NORMAL.cumulativeProbability(excess / standardError);
    }
}
