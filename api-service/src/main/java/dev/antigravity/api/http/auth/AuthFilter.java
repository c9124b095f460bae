package dev.antigravity.api.http.auth;

import dev.antigravity.api.http.RequestPath;
import dev.antigravity.api.http.filter.OperationalPaths;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates every request that presents credentials. A request without an Authorization
 * header stays anonymous (public routes serve it, {@link Access#require} rejects it); a request
 * with a bad one is rejected here, on every /api route (public reads included), so a broken client
 * learns at once. Operational paths are the exception: they serve no caller, and a probe or
 * scraper forwarding a stale header must not make a healthy task look dead.
 */
public final class AuthFilter implements Filter {
    private static final String BEARER = "bearer ";

    private final JwtVerifier verifier;
    private final FailedAuthentications failures;

    public AuthFilter(JwtVerifier verifier, FailedAuthentications failures) {
        this.verifier = verifier;
        this.failures = failures;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (OperationalPaths.isOperational(RequestPath.of(req))) {
            chain.proceed();
            return;
        }
        if (req.headers().contains(HeaderNames.AUTHORIZATION)) {
            try {
                Principal.bind(req, authenticate(req));
            } catch (ApiException rejected) {
                ProblemResponses.reject(req, res, rejected);
                return;
            }
        }
        chain.proceed();
    }

    private Principal authenticate(ServerRequest req) {
        List<String> authorizations =
                req.headers().get(HeaderNames.AUTHORIZATION).allValues();
        if (authorizations.size() != 1) {
            // Which one would count? Intermediaries disagree (first, last, joined), so neither does.
            throw ApiException.badRequest("Send exactly one Authorization header.");
        }
        Duration wait = failures.wait(req);
        if (!wait.isZero()) {
            throw ApiException.tooManyRequests(wait);
        }
        try {
            return verifier.verify(
                    bearerToken(Optional.of(authorizations.getFirst())).orElseThrow());
        } catch (ApiException rejected) {
            if (rejected.status() == 401) {
                failures.failed(req);
            }
            throw rejected;
        }
    }

    static Optional<String> bearerToken(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        String value = authorization.get().trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER) || value.length() == BEARER.length()) {
            throw ApiException.unauthorized("The Authorization header must be 'Bearer <token>'.");
        }
        return Optional.of(value.substring(BEARER.length()).trim());
    }
}
