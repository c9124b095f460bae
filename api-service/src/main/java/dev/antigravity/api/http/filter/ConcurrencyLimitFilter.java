package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.RequestPath;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.ProblemResponses;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Caps the requests handled at once at about the database pool size. Virtual threads make
 * accepting work nearly free, so without a cap a burst would queue on the pool until
 * connection timeouts turn it into 500s; with it, the excess gets a fast 503 + Retry-After
 * that clients and the load balancer understand. One caller (subject, else client IP) holds at
 * most {@code perCaller} of the slots, so a single customer cannot take them all: its requests
 * beyond that wait like the others, then get 429. Runs after authentication (to know the caller)
 * and after the body was read (so that a slow body holds no slot).
 */
public final class ConcurrencyLimitFilter implements Filter {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final int limit;
    private final Duration queueWait;
    private final CallerKey callers;
    private final CallerPermits callerSlots;

    public ConcurrencyLimitFilter(int limit, int perCaller, Duration queueWait, CallerKey callers) {
        if (limit < 1) {
            throw new IllegalArgumentException("concurrency limit must be positive: " + limit);
        }
        this.limit = limit;
        this.callerSlots = new CallerPermits(perCaller);
        this.permits = new Semaphore(limit, true);
        this.queueWait = queueWait;
        this.callers = callers;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (OperationalPaths.isOperational(RequestPath.of(req))) {
            chain.proceed();
            return;
        }
        long deadline = System.nanoTime() + queueWait.toNanos();
        String caller = callers.of(req);
        if (!callerSlots.tryAcquire(caller, deadline)) {
            ProblemResponses.reject(req, res, ApiException.tooManyRequests(RETRY_AFTER));
            return;
        }
        try {
            withSlot(chain, req, res, deadline);
        } finally {
            callerSlots.release(caller);
        }
    }

    private void withSlot(FilterChain chain, RoutingRequest req, RoutingResponse res, long deadline) {
        if (!Deadlines.acquire(permits, 1, deadline)) {
            ProblemResponses.reject(
                    req,
                    res,
                    ApiException.serviceUnavailable(
                            "The server is handling its maximum of " + limit + " concurrent requests.", RETRY_AFTER));
            return;
        }
        try {
            chain.proceed();
        } finally {
            permits.release();
        }
    }

    /** Permits currently free (for tests and metrics). */
    public int available() {
        return permits.availablePermits();
    }
}
