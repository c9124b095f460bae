package dev.antigravity.api.http.filter;

import io.helidon.webserver.http.ServerRequest;

/**
 * The route template that served a request ({@code /api/orders/{id}}), never the raw path:
 * logs stay groupable and metrics keep a bounded number of series.
 */
public final class RouteTemplate {
    static final String UNMATCHED = "unmatched";

    private RouteTemplate() {
    }

    public static String of(ServerRequest req) {
        return req.matchingPattern().filter(p -> !p.isEmpty()).map(RouteTemplate::normalize).orElse(UNMATCHED);
    }

    /** "/api/users/" (a service's "/" route under a prefix) is the same route as "/api/users". */
    static String normalize(String pattern) {
        return pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }
}
