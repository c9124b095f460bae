package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.RequestPath;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.ProblemResponses;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;

/**
 * Rate limit per authenticated subject, else per client IP, so that one noisy client cannot
 * starve the others. Runs after authentication so that a subject is limited as itself wherever
 * it connects from.
 */
public final class RateLimitFilter implements Filter {
    private final TokenBuckets buckets;
    private final CallerKey callers;

    public RateLimitFilter(TokenBuckets buckets, CallerKey callers) {
        this.buckets = buckets;
        this.callers = callers;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (OperationalPaths.isOperational(RequestPath.of(req))) {
            chain.proceed();
            return;
        }
        Duration wait = buckets.take(callers.of(req));
        if (!wait.isZero()) {
            ProblemResponses.reject(req, res, ApiException.tooManyRequests(wait));
            return;
        }
        chain.proceed();
    }
}
