package dev.antigravity.lambdas.domain.canary;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One revision's minutes over the analysis window: the baseline (old revision) or the canary (new one). */
public record RevisionSeries(String revision, List<MinuteFigures> minutes) {
    public RevisionSeries {
        Objects.requireNonNull(revision, "revision");
        minutes = List.copyOf(minutes);
    }

    public long requests() {
        return minutes.stream().mapToLong(MinuteFigures::requests).sum();
    }

    public long errors() {
        return minutes.stream().mapToLong(MinuteFigures::errors).sum();
    }

    /** 5xx over requests; 0 when there were no requests. */
    public double errorRate() {
        long requests = requests();
        return requests == 0 ? 0 : (double) errors() / requests;
    }

    /** The per-minute latency samples (minutes without requests have none). */
    public double[] latencies() {
        return minutes.stream()
                .map(MinuteFigures::latencySeconds)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    /** The median of the per-minute latencies, NaN without any. */
    public double medianLatency() {
        double[] sorted = latencies();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
