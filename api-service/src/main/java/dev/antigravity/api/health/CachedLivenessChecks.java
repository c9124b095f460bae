package dev.antigravity.api.health;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The liveness checks behind {@code GET /health}, evaluated at most once per {@code interval}.
 * Helidon's built-in checks are not free: the deadlock check is a VM operation that stops every
 * thread at a safepoint, the disk-space check a {@code statvfs} call. Run per request, a load
 * balancer or a burst of probes turned them into a JVM-wide pause per request (docs/benchmarks.md,
 * finding 1). Liveness changes slowly, so a result a few seconds old answers just as well.
 * Between evaluations the cached result is served; when it is stale exactly one caller
 * re-evaluates while the others keep getting the previous result, so a burst never runs the
 * checks concurrently. Only the very first call (nothing cached yet) waits for the evaluation.
 */
public final class CachedLivenessChecks {
    private final List<HealthCheck> checks;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Result latest;

    /** The outcome of one evaluation: overall status and each check's status by name. */
    public record Result(boolean up, Map<String, Object> checks, long evaluatedAtNanos) {}

    /**
     * @param interval how long a result is served before the checks run again; zero runs them per call
     * @param nanoTime a monotonic clock ({@code System::nanoTime}; tests pass their own)
     */
    public CachedLivenessChecks(Duration interval, LongSupplier nanoTime, List<HealthCheck> checks) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("health.cache must not be negative: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.checks = List.copyOf(checks);
    }

    public Result current() {
        Result cached = latest;
        if (cached != null && fresh(cached)) {
            return cached;
        }
        if (cached == null) {
            refreshing.lock();
        } else if (!refreshing.tryLock()) {
            return cached;
        }
        try {
            Result again = latest;
            if (again != null && fresh(again)) {
                return again;
            }
            Result evaluated = evaluate();
            latest = evaluated;
            return evaluated;
        } finally {
            refreshing.unlock();
        }
    }

    private boolean fresh(Result result) {
        return nanoTime.getAsLong() - result.evaluatedAtNanos() < intervalNanos;
    }

    private Result evaluate() {
        Map<String, Object> statuses = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            HealthCheckResponse response = check.call();
            up &= response.status() == HealthCheckResponse.Status.UP;
            statuses.put(check.name(), response.status().name());
        }
        // Stamped after the checks ran: the interval counts from when the result was known.
        return new Result(up, Collections.unmodifiableMap(statuses), nanoTime.getAsLong());
    }
}
