package dev.antigravity.lambdas.domain.canary;

import java.time.Instant;
import java.util.Objects;

/**
 * One minute of one target group, as CloudWatch reports it: requests, target 5xx responses, and the latency
 * percentile the analysis compares (null when the minute had no requests, so no percentile).
 */
public record MinuteFigures(Instant minute, long requests, long errors, Double latencySeconds) {
    public MinuteFigures {
        Objects.requireNonNull(minute, "minute");
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("need 0 <= errors <= requests, got " + errors + " of " + requests);
        }
    }
}
