package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.RequestPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.antigravity.api.http.CorrelationId;
import dev.antigravity.api.http.auth.Principal;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** One structured log line per request, written after the response status is known. */
public final class AccessLogFilter implements Filter {
    static final String LOGGER_NAME = "dev.antigravity.api.access";
    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    private final RouteTemplate routes;

    public AccessLogFilter(RouteTemplate routes) {
        this.routes = routes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("method", req.prologue().method().text());
            fields.put("route", routes.of(req));
            fields.put("path", RequestPath.of(req));
            fields.put("status", res.status().code());
            fields.put("latency_ms", Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
            fields.put("correlation_id", CorrelationId.of(req));
            fields.put("subject", Principal.current(req).map(Principal::subject).orElse(null));
            LogRecord record = new LogRecord(Level.INFO, "request");
            record.setLoggerName(LOGGER_NAME);
            record.setParameters(new Object[] {fields});
            LOG.log(record);
        }
    }
}
