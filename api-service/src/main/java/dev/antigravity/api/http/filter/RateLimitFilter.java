package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.RequestPath;
import java.time.Duration;

import dev.antigravity.api.http.auth.Principal;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.ProblemResponses;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * Rate limit per authenticated subject, else per client IP, so that one noisy client cannot
 * starve the others. Runs after authentication so that a subject is limited as itself wherever
 * it connects from.
 */
public final class RateLimitFilter implements Filter {
    private final TokenBuckets buckets;
    private final boolean trustForwardedFor;

    /**
     * @param trustForwardedFor take the client IP from the last X-Forwarded-For entry (the one the
     *                          load balancer appended); only safe behind a proxy that sets it
     */
    public RateLimitFilter(TokenBuckets buckets, boolean trustForwardedFor) {
        this.buckets = buckets;
        this.trustForwardedFor = trustForwardedFor;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (OperationalPaths.isOperational(RequestPath.of(req))) {
            chain.proceed();
            return;
        }
        Duration wait = buckets.take(callerKey(req));
        if (!wait.isZero()) {
            ProblemResponses.reject(req, res, ApiException.tooManyRequests(wait));
            return;
        }
        chain.proceed();
    }

    String callerKey(ServerRequest req) {
        return Principal.current(req)
                .map(p -> "sub:" + p.subject())
                .orElseGet(() -> "ip:" + ClientAddress.of(req, trustForwardedFor));
    }
}
