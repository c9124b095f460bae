package dev.antigravity.api.http.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.antigravity.api.http.CorrelationId;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Problem+json for the errors Helidon answers before routing: a body over the size limit
 * (413), unparseable request lines, headers or URIs (400). Without this such clients would get
 * plain text, the only responses of the API that were not problem documents.
 */
public final class ProblemDirectHandler implements DirectHandler {
    private static final Logger ACCESS = Logger.getLogger("dev.antigravity.api.access");

    private final long maxPayloadBytes;

    public ProblemDirectHandler(long maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        String correlationId = request.headers().first(HeaderNames.create(CorrelationId.HEADER))
                .flatMap(CorrelationId::accept)
                .orElseGet(CorrelationId::generate);
        ApiException problem = problem(status, message);
        String path = request.path().isEmpty() ? null : request.path();
        headers.set(HeaderNames.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE);
        headers.set(HeaderNames.create(CorrelationId.HEADER), correlationId);
        logAccess(request, status, correlationId);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(ProblemResponses.body(problem, path, correlationId))
                .build();
    }

    private ApiException problem(Status status, String message) {
        if (status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            return ApiException.payloadTooLarge(maxPayloadBytes);
        }
        String detail = message == null || message.isBlank() ? status.reasonPhrase() : message;
        if (status.code() >= 500) {
            detail = "The request could not be processed.";
        }
        return new ApiException(status.code(), ApiException.TYPE_BASE + "http-" + status.code(), status.reasonPhrase(),
                detail, List.of());
    }

    private static void logAccess(TransportRequest request, Status status, String correlationId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", request.method());
        fields.put("route", "unrouted");
        fields.put("path", request.path());
        fields.put("status", status.code());
        fields.put("latency_ms", 0);
        fields.put("correlation_id", correlationId);
        fields.put("subject", null);
        LogRecord record = new LogRecord(Level.INFO, "request rejected before routing");
        record.setLoggerName(ACCESS.getName());
        record.setParameters(new Object[] {fields});
        ACCESS.log(record);
    }
}
