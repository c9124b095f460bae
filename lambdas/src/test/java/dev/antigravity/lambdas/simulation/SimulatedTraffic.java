package dev.antigravity.lambdas.simulation;

import dev.antigravity.lambdas.domain.canary.CanaryMetrics;
import dev.antigravity.lambdas.domain.canary.MinuteFigures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The load balancer's per-minute metrics as CloudWatch reports them per target group (RequestCount,
 * HTTPCode_Target_5XX_Count, TargetResponseTime): the rehearsal says, minute by minute, how many requests each target
 * group served and how its revision behaved; errors are drawn around the revision's rate from a seeded generator.
 */
final class SimulatedTraffic implements CanaryMetrics {
    /** How one target group's revision serves in a minute. */
    record Behaviour(long requests, double errorRate, double latencySeconds) {}

    private final SplittableRandom random;
    private final Map<Instant, Map<String, MinuteFigures>> minutes = new LinkedHashMap<>();

    SimulatedTraffic(SplittableRandom random) {
        this.random = random;
    }

    /** Records the minute that starts at {@code minute} for every target group in {@code groups}. */
    void serve(Instant minute, Map<String, Behaviour> groups) {
        Instant start = minute.truncatedTo(ChronoUnit.MINUTES);
        Map<String, MinuteFigures> figures = new LinkedHashMap<>();
        groups.forEach((group, behaviour) -> {
            double expected = behaviour.requests() * behaviour.errorRate();
            long errors = Math.max(0, Math.round(expected + random.nextGaussian() * Math.sqrt(expected)));
            double latency = behaviour.latencySeconds() * (1 + 0.05 * random.nextGaussian());
            figures.put(
                    group,
                    new MinuteFigures(start, behaviour.requests(), Math.min(errors, behaviour.requests()), latency));
        });
        minutes.put(start, figures);
    }

    /** The share of 5xx over every group in the minute starting at {@code minute} (what the 5xx alarm watches). */
    double errorRate(Instant minute) {
        Map<String, MinuteFigures> figures = minutes.getOrDefault(minute.truncatedTo(ChronoUnit.MINUTES), Map.of());
        long requests =
                figures.values().stream().mapToLong(MinuteFigures::requests).sum();
        long errors = figures.values().stream().mapToLong(MinuteFigures::errors).sum();
        return requests == 0 ? 0 : (double) errors / requests;
    }

    @Override
    public Map<String, List<MinuteFigures>> perMinute(List<String> targetGroupArns, Instant from, Instant to) {
        Map<String, List<MinuteFigures>> result = new LinkedHashMap<>();
        for (String group : targetGroupArns) {
            List<MinuteFigures> series = new ArrayList<>();
            minutes.forEach((minute, figures) -> {
                if (!minute.isBefore(from) && minute.isBefore(to) && figures.containsKey(group)) {
                    series.add(figures.get(group));
                }
            });
            result.put(group, series);
        }
        return result;
    }
}
