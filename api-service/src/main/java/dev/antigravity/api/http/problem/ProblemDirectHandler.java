package dev.antigravity.api.http.problem;

import dev.antigravity.api.http.CorrelationId;
import dev.antigravity.api.http.filter.AccessLog;
import dev.antigravity.api.metrics.RequestOutcome;
import dev.antigravity.api.tracing.HeaderGetter;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;

/**
 * Problem+json for the errors Helidon answers before routing: a body over the size limit
 * (413), unparseable request lines, headers or URIs (400). Without this such clients would get
 * plain text, the only responses of the API that were not problem documents.
 */
public final class ProblemDirectHandler implements DirectHandler {
    private final AccessLog accessLog = new AccessLog();
    private final long maxPayloadBytes;
    private final OpenTelemetry telemetry;
    private final Tracer tracer;

    /** Each answer is a SERVER span too (child of the caller's {@code traceparent}), current while it is logged. */
    public ProblemDirectHandler(long maxPayloadBytes, OpenTelemetry telemetry) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.telemetry = telemetry;
        this.tracer = telemetry.getTracer("dev.antigravity.api");
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        String correlationId = request.headers()
                .first(HeaderNames.create(CorrelationId.HEADER))
                .flatMap(CorrelationId::accept)
                .orElseGet(CorrelationId::generate);
        ApiException problem = problem(status, message);
        String path = request.path().isEmpty() ? null : request.path();
        headers.set(HeaderNames.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE);
        headers.set(HeaderNames.create(CorrelationId.HEADER), correlationId);
        // Never routed: no route template, no subject, and no measurable handling time. The span makes the access
        // line carry a trace id beside the correlation id, like every routed request's.
        Context caller = telemetry
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.root(), request.headers(), HeaderGetter.INSTANCE);
        Span span = tracer.spanBuilder(request.method() + " unrouted")
                .setParent(caller)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.method())
                .setAttribute("http.route", "unrouted")
                .setAttribute("http.response.status_code", status.code())
                .startSpan();
        if (status.code() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        try (Scope ignored = span.makeCurrent()) {
            accessLog.accept(new RequestOutcome(
                    request.method(), "unrouted", request.path(), status.code(), Duration.ZERO, correlationId, null));
        } finally {
            span.end();
        }
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
        return new ApiException(
                status.code(),
                ApiException.TYPE_BASE + "http-" + status.code(),
                status.reasonPhrase(),
                detail,
                List.of());
    }
}
