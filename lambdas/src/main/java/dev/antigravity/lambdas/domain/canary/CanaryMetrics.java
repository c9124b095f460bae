package dev.antigravity.lambdas.domain.canary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: per-minute request count, target 5xx count and latency percentile of target groups (CloudWatch). */
public interface CanaryMetrics {
    /**
     * @return for each target group ARN, its minutes in {@code [from, to)} in time order; a minute without requests
     *         may be absent (CloudWatch reports no datapoint for it)
     * @throws dev.antigravity.lambdas.domain.lifecycle.TransientCheckException when the metrics cannot be read now
     */
    Map<String, List<MinuteFigures>> perMinute(List<String> targetGroupArns, Instant from, Instant to);
}
