package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.RequestPath;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Locale;

/**
 * Every {@code /api} resource answers JSON only. A request whose Accept header rules JSON out gets
 * 406 before any work is done, instead of Helidon failing to find a writer after the handler ran
 * (a 415 naming our classes). Media ranges are compared case-insensitively, as RFC 9110 says.
 * Operational paths are not concerned: a health checker is answered whatever it accepts.
 */
public final class JsonAcceptFilter implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (RequestPath.of(req).startsWith("/api/")
                && !acceptsJson(req.headers().all(HeaderNames.ACCEPT, List::of))) {
            ProblemResponses.reject(
                    req,
                    res,
                    new ApiException(
                            406,
                            ApiException.TYPE_BASE + "not-acceptable",
                            "Not acceptable",
                            "This API answers application/json only; the Accept header excludes it.",
                            List.of()));
            return;
        }
        chain.proceed();
    }

    static boolean acceptsJson(List<String> acceptHeaders) {
        if (acceptHeaders.isEmpty()) {
            return true;
        }
        for (String header : acceptHeaders) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";");
                String media = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean json = media.equals("*/*") || media.equals("application/*") || media.equals("application/json");
                if (json && !zeroQuality(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code q=0} means "not acceptable" (RFC 9110 section 12.4.2). */
    private static boolean zeroQuality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String[] nameValue = parameters[i].split("=", 2);
            if (nameValue.length == 2
                    && nameValue[0].trim().equalsIgnoreCase("q")
                    && nameValue[1].trim().matches("0(\\.0{0,3})?")) {
                return true;
            }
        }
        return false;
    }
}
