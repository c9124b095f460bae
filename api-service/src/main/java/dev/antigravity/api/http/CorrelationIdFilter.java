package dev.antigravity.api.http;

import dev.antigravity.api.logging.LogContext;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * First filter: fixes the request's correlation id, echoes it and binds it for the rest of the
 * request so that every log line written while handling it carries the id.
 */
public final class CorrelationIdFilter implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = CorrelationId.of(req);
        res.header(CorrelationId.HEADER_NAME, id);
        ScopedValue.where(LogContext.CORRELATION_ID, id).run(chain::proceed);
    }
}
