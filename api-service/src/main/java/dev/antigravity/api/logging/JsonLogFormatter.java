package dev.antigravity.api.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.antigravity.api.config.Json;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, so CloudWatch Logs Insights can query fields without parsing text.
 * Every line written while a request is handled carries that request's correlation id. A log
 * call whose single parameter is a {@code Map} contributes its entries as top-level fields
 * (that is how the access log writes method, route, status, ...); a field of the map named like one of the
 * line's own (message, correlation_id, ...) replaces that field's value in its place, except error and stack_trace,
 * which a thrown exception decides.
 */
public final class JsonLogFormatter extends Formatter {
    private static final byte[] LINE_SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.UTF_8);
    private static final String UNSERIALIZABLE = "{\"level\":\"ERROR\",\"message\":\"unserializable log record\"}";
    private static final String CORRELATION_ID = "correlation_id";
    private static final String TRACE_ID = "trace_id";
    private static final String SPAN_ID = "span_id";
    private static final String ERROR = "error";
    private static final String STACK_TRACE = "stack_trace";

    @Override
    public String format(LogRecord record) {
        return new String(encode(record), StandardCharsets.UTF_8);
    }

    /**
     * The line as UTF-8 bytes, line separator included: what {@link StdoutHandler} writes. Encoded straight to bytes
     * and field by field (no text copied to bytes afterwards, no map of the whole line built first).
     */
    public byte[] encode(LogRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = Json.mapper().createGenerator(bytes)) {
            write(json, record);
        } catch (IOException e) {
            bytes.reset();
            bytes.writeBytes(UNSERIALIZABLE.getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(LINE_SEPARATOR);
        return bytes.toByteArray();
    }

    private void write(JsonGenerator json, LogRecord record) throws IOException {
        Map<?, ?> fields = fields(record);
        String correlationId = LogContext.CORRELATION_ID.isBound() ? LogContext.CORRELATION_ID.get() : null;
        // The request's span is current on the thread that logs (the handler's), so its trace id joins the line.
        SpanContext span = Span.current().getSpanContext();
        boolean traced = span.isValid();
        Throwable thrown = record.getThrown();
        json.writeStartObject();
        field(json, fields, "timestamp", LogTimestamp.format(record.getMillis()));
        field(json, fields, "level", record.getLevel().getName());
        field(json, fields, "logger", record.getLoggerName());
        field(json, fields, "message", formatMessage(record));
        if (correlationId != null) {
            field(json, fields, CORRELATION_ID, correlationId);
        }
        if (traced) {
            field(json, fields, TRACE_ID, span.getTraceId());
            field(json, fields, SPAN_ID, span.getSpanId());
        }
        boolean errorWritten = false;
        boolean stackTraceWritten = false;
        if (fields != null) {
            for (Map.Entry<?, ?> entry : fields.entrySet()) {
                String name = String.valueOf(entry.getKey());
                switch (name) {
                    case "timestamp", "level", "logger", "message" -> {
                        continue; // written above, with this value
                    }
                    case CORRELATION_ID -> {
                        if (correlationId != null) {
                            continue;
                        }
                    }
                    case TRACE_ID, SPAN_ID -> {
                        if (traced) {
                            continue;
                        }
                    }
                    case ERROR -> {
                        if (thrown != null) {
                            json.writeFieldName(ERROR);
                            json.writeString(thrown.toString());
                            errorWritten = true;
                            continue;
                        }
                    }
                    case STACK_TRACE -> {
                        if (thrown != null) {
                            json.writeFieldName(STACK_TRACE);
                            json.writeString(stackTrace(thrown));
                            stackTraceWritten = true;
                            continue;
                        }
                    }
                    default -> {}
                }
                json.writeFieldName(name);
                value(json, entry.getValue());
            }
        }
        if (thrown != null && !errorWritten) {
            json.writeFieldName(ERROR);
            json.writeString(thrown.toString());
        }
        if (thrown != null && !stackTraceWritten) {
            json.writeFieldName(STACK_TRACE);
            json.writeString(stackTrace(thrown));
        }
        json.writeEndObject();
    }

    /** One of the line's own fields: the field map's value if it has one of that name (it wins), else {@code own}. */
    private static void field(JsonGenerator json, Map<?, ?> fields, String name, String own) throws IOException {
        json.writeFieldName(name);
        if (fields != null && fields.containsKey(name)) {
            value(json, fields.get(name));
        } else {
            json.writeString(own);
        }
    }

    /**
     * Text, numbers and booleans straight to the generator; anything else through the mapper. One line per request
     * (the access log): the map serializer's per-entry type lookups were half of the formatting cost in the
     * product-by-id profile (docs/benchmarks.md, issue 12).
     */
    private static void value(JsonGenerator json, Object value) throws IOException {
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

    private static Map<?, ?> fields(LogRecord record) {
        Object[] params = record.getParameters();
        return params != null && params.length == 1 && params[0] instanceof Map<?, ?> fields ? fields : null;
    }

    @Override
    public String formatMessage(LogRecord record) {
        // A field map is data, not a MessageFormat argument.
        if (fields(record) != null) {
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
