package dev.antigravity.api.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The W3C trace-context headers ({@code traceparent}, and {@code tracestate} when there is one) of the span current
 * on this thread, for the clients of other services (Stripe, SES, SNS) to send along, so that their side of a call
 * joins the request's trace. Empty when no span is current.
 */
public final class TraceContextHeaders {
    private TraceContextHeaders() {}

    public static Map<String, String> current(OpenTelemetry telemetry) {
        Map<String, String> headers = new LinkedHashMap<>();
        telemetry
                .getPropagators()
                .getTextMapPropagator()
                .inject(Context.current(), headers, (carrier, name, value) -> carrier.put(name, value));
        return headers;
    }
}
