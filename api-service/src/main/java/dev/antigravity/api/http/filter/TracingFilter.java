package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.RequestPath;
import dev.antigravity.api.tracing.HeaderGetter;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One SERVER span per request, child of the caller's W3C {@code traceparent} when it sends one, named by method and
 * route template (never the raw path) once routing has chosen it. The span is current while the rest of the chain
 * runs, so every log line of the request carries its trace id and what the request calls can pass it on.
 */
public final class TracingFilter implements Filter {
    private final OpenTelemetry telemetry;
    private final Tracer tracer;
    private final RouteTemplate routes;

    public TracingFilter(OpenTelemetry telemetry, RouteTemplate routes) {
        this.telemetry = telemetry;
        this.tracer = telemetry.getTracer("dev.antigravity.api");
        this.routes = routes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Context caller = telemetry
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.root(), req.headers(), HeaderGetter.INSTANCE);
        String method = req.prologue().method().text();
        Span span = tracer.spanBuilder(method)
                .setParent(caller)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("url.path", RequestPath.of(req))
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            chain.proceed();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            int status = res.status().code();
            // Most spans are not sampled (tracing.ratio): their name and attributes would be built for nothing.
            if (span.isRecording()) {
                String route = routes.of(req);
                span.updateName(method + " " + route);
                span.setAttribute("http.route", route);
                span.setAttribute("http.response.status_code", status);
            }
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
