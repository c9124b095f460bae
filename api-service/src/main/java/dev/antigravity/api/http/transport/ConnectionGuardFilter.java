package dev.antigravity.api.http.transport;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * The first filter: decides after each exchange whether its connection may serve another request.
 * It may not when the request body was not read to its end (refused, over the limit, malformed,
 * or never asked for) — where the next request would start is then unknown, and Helidon 4.5 would
 * parse the rest of the body as requests (request smuggling, issue 10 finding 1) — nor when either
 * side said {@code Connection: close}, which Helidon announces but does not act on.
 */
public final class ConnectionGuardFilter implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.beforeSend(() -> {
            if (bodyLeftUnread(req)) {
                // Tell the client too, so it does not send its next request on this connection.
                res.header(HeaderValues.CONNECTION_CLOSE);
            }
        });
        try {
            chain.proceed();
        } finally {
            if (bodyLeftUnread(req)
                    || req.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
                    || res.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
                GuardedConnection.current().ifPresent(GuardedConnection::endAfterThisExchange);
            }
        }
    }

    private static boolean bodyLeftUnread(ServerRequest req) {
        return req.content().hasEntity() && !req.content().consumed();
    }
}
