package dev.antigravity.lambdas.domain.canary;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * One-sided Mann-Whitney U test on per-minute latency samples: are the canary's minutes slower than the
 * baseline's by more than the tolerance? The canary's samples are divided by (1 + tolerance) first, so a shift
 * within the tolerance is not evidence. Normal approximation with the tie correction and a continuity correction.
 * commons-math3's own MannWhitneyUTest answers only the two-sided question (max(U1, U2)), so the direction is
 * computed here from its ranking.
 */
final class LatencyTest {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    private LatencyTest() {}

    /** The canary's U and the p-value of "the canary is slower than the baseline beyond the tolerance". */
    record Result(double canaryU, double pValue) {}

    static Result compare(double[] baseline, double[] canary, double tolerance) {
        int n1 = canary.length;
        int n2 = baseline.length;
        double[] all = new double[n1 + n2];
        for (int i = 0; i < n1; i++) {
            all[i] = canary[i] / (1 + tolerance);
        }
        System.arraycopy(baseline, 0, all, n1, n2);
        double[] ranks = RANKING.rank(all);
        double canaryRankSum = 0;
        for (int i = 0; i < n1; i++) {
            canaryRankSum += ranks[i];
        }
        double u = canaryRankSum - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2;
        double n = n1 + n2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm(ranks) / (n * (n - 1)));
        if (variance <= 0) {
            // Every sample equal: nothing is slower than anything.
            return new Result(u, 1);
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return new Result(u, 1 - STANDARD_NORMAL.cumulativeProbability(z));
    }

    /** Sum of t^3 - t over the groups of tied ranks. */
    private static double tieTerm(double[] ranks) {
        double[] sorted = ranks.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }
}
