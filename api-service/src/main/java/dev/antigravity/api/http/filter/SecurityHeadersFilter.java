package dev.antigravity.api.http.filter;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Defaults every JSON API should send: no MIME sniffing, and no caching of responses that may
 * carry a caller's data. Set before the handler runs, so a handler can still choose a
 * Cache-Control of its own (for example for public catalogue reads).
 */
public final class SecurityHeadersFilter implements Filter {
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF);
        res.header(NO_STORE);
        chain.proceed();
    }
}
