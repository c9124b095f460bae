package dev.antigravity.api.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.antigravity.api.config.Json;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.IOException;
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
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = Json.mapper().createGenerator(text)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : line.entrySet()) {
                json.writeFieldName(field.getKey());
                write(json, field.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unserializable log record\"}" + System.lineSeparator();
        }
        return text.append(System.lineSeparator()).toString();
    }

    /**
     * Text, numbers and booleans straight to the generator; anything else through the mapper. One line per request
     * (the access log): the map serializer's per-entry type lookups were half of the formatting cost in the
     * product-by-id profile (docs/benchmarks.md, issue 12).
     */
    private static void write(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String string -> json.writeString(string);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case Double number -> json.writeNumber(number);
            case Boolean bool -> json.writeBoolean(bool);
            default -> Json.mapper().writeValue(json, value);
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
