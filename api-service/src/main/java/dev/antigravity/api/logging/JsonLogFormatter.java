package dev.antigravity.api.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.antigravity.api.config.Json;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, so CloudWatch Logs Insights can query fields without parsing text.
 * Every line written while a request is handled carries that request's correlation id. A log
 * call whose single parameter is a {@code Map} contributes its entries as top-level fields
 * (that is how the access log writes method, route, status, ...).
 */
public final class JsonLogFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("message", formatMessage(record));
        LogContext.correlationId().ifPresent(id -> line.put("correlation_id", id));
        // The request's span is current on the thread that logs (the handler's), so its trace id joins the line.
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            line.put("trace_id", span.getTraceId());
            line.put("span_id", span.getSpanId());
        }
        Object[] params = record.getParameters();
        if (params != null && params.length == 1 && params[0] instanceof Map<?, ?> fields) {
            fields.forEach((k, v) -> line.put(String.valueOf(k), v));
        }
        if (record.getThrown() != null) {
            line.put("error", record.getThrown().toString());
            line.put("stack_trace", stackTrace(record.getThrown()));
        }
        try {
            return Json.mapper().writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unserializable log record\"}" + System.lineSeparator();
        }
    }

    @Override
    public String formatMessage(LogRecord record) {
        Object[] params = record.getParameters();
        // A field map is data, not a MessageFormat argument.
        if (params != null && params.length == 1 && params[0] instanceof Map<?, ?>) {
            return record.getMessage();
        }
        return super.formatMessage(record);
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
