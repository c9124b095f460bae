package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.RequestPath;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
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
 * that clients and the load balancer understand. One caller (subject, else client IP) holds at
 * most {@code perCaller} of the slots, so a single customer cannot take them all: its requests
 * beyond that wait like the others, then get 429. Runs after authentication (to know the caller)
 * and after the body was read (so that a slow body holds no slot).
 */
public final class ConcurrencyLimitFilter implements Filter {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final int limit;
    private final int perCaller;
    private final Duration queueWait;
    private final CallerKey callers;
    /** Only callers with a request waiting or in flight: an entry goes when its last request ends. */
    private final ConcurrentHashMap<String, CallerSlots> callerSlots = new ConcurrentHashMap<>();

    public ConcurrencyLimitFilter(int limit, int perCaller, Duration queueWait, CallerKey callers) {
        if (limit < 1 || perCaller < 1) {
            throw new IllegalArgumentException("concurrency limits must be positive: " + limit + ", " + perCaller);
        }
        this.limit = limit;
        this.perCaller = perCaller;
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
        CallerSlots mine = callerSlots.compute(caller, (key, slots) -> (slots == null ? new CallerSlots(perCaller) : slots).use());
        try {
            if (!acquire(mine.permits, deadline)) {
                ProblemResponses.reject(req, res, ApiException.tooManyRequests(RETRY_AFTER));
                return;
            }
            try {
                withSlot(chain, req, res, deadline);
            } finally {
                mine.permits.release();
            }
        } finally {
            callerSlots.computeIfPresent(caller, (key, slots) -> slots.release());
        }
    }

    private void withSlot(FilterChain chain, RoutingRequest req, RoutingResponse res, long deadline) {
        if (!acquire(permits, deadline)) {
            ProblemResponses.reject(req, res, ApiException.serviceUnavailable(
                    "The server is handling its maximum of " + limit + " concurrent requests.", RETRY_AFTER));
            return;
        }
        try {
            chain.proceed();
        } finally {
            permits.release();
        }
    }

    private static boolean acquire(Semaphore semaphore, long deadline) {
        try {
            return semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Permits currently free (for tests and metrics). */
    public int available() {
        return permits.availablePermits();
    }

    /** One caller's slots and how many of its requests use them; changed only inside the map's compute. */
    private static final class CallerSlots {
        private final Semaphore permits;
        private int users;

        private CallerSlots(int perCaller) {
            this.permits = new Semaphore(perCaller, true);
        }

        private CallerSlots use() {
            users++;
            return this;
        }

        private CallerSlots release() {
            users--;
            return users == 0 ? null : this;
        }
    }
}
