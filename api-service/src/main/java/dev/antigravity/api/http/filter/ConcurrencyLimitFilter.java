package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.RequestPath;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.ProblemResponses;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Caps the requests handled at once at about the database pool size. Virtual threads make
 * accepting work nearly free, so without a cap a burst would queue on the pool until
 * connection timeouts turn it into 500s; with it, the excess gets a fast 503 + Retry-After
 * that clients and the load balancer understand.
 */
public final class ConcurrencyLimitFilter implements Filter {
    private final Semaphore permits;
    private final int limit;
    private final Duration queueWait;

    public ConcurrencyLimitFilter(int limit, Duration queueWait) {
        if (limit < 1) {
            throw new IllegalArgumentException("concurrency limit must be positive: " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
        this.queueWait = queueWait;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (OperationalPaths.isOperational(RequestPath.of(req))) {
            chain.proceed();
            return;
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            ProblemResponses.reject(req, res, ApiException.serviceUnavailable(
                    "The server is handling its maximum of " + limit + " concurrent requests.", Duration.ofSeconds(1)));
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
