package dev.antigravity.api.http.filter;

import dev.antigravity.api.metrics.RequestOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One structured log line per request: method, route, path, status, latency_ms, correlation_id, subject. */
public final class AccessLog implements Consumer<RequestOutcome> {
    public static final String LOGGER_NAME = "dev.antigravity.api.access";
    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    @Override
    public void accept(RequestOutcome outcome) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", outcome.method());
        fields.put("route", outcome.route());
        fields.put("path", outcome.path());
        fields.put("status", outcome.status());
        // Two decimals: sub-millisecond detail matters for fast routes, more is noise.
        fields.put("latency_ms", Math.round(outcome.latency().toNanos() / 10_000.0) / 100.0);
        fields.put("correlation_id", outcome.correlationId());
        fields.put("subject", outcome.subject());
        LogRecord record = new LogRecord(Level.INFO, "request");
        record.setLoggerName(LOGGER_NAME);
        record.setParameters(new Object[] {fields});
        LOG.log(record);
    }
}
