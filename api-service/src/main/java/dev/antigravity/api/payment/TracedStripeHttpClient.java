package dev.antigravity.api.payment;

import java.util.Map;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import com.stripe.net.StripeResponseStream;
import dev.antigravity.api.tracing.TraceContextHeaders;
import io.opentelemetry.api.OpenTelemetry;

/**
 * stripe-java's own HTTP client with the current span's W3C {@code traceparent} on every request (each retry
 * included): stripe-java has no hook for extra headers but lets the client be replaced, and this is the smallest
 * replacement that keeps its connection handling.
 */
final class TracedStripeHttpClient extends HttpURLConnectionClient {
    private final OpenTelemetry telemetry;

    TracedStripeHttpClient(OpenTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        return super.request(traced(request));
    }

    @Override
    public StripeResponseStream requestStream(StripeRequest request) throws ApiConnectionException {
        return super.requestStream(traced(request));
    }

    private StripeRequest traced(StripeRequest request) {
        StripeRequest traced = request;
        for (Map.Entry<String, String> header : TraceContextHeaders.current(telemetry).entrySet()) {
            traced = traced.withAdditionalHeader(header.getKey(), header.getValue());
        }
        return traced;
    }
}
