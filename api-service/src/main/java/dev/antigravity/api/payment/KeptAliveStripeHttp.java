package dev.antigravity.api.payment;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiMode;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import dev.antigravity.api.tracing.TraceContextHeaders;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * stripe-java's transport on the JDK's HTTP client, for the payment creation every order makes.
 * The library's default ({@code HttpURLConnectionClient}) rebuilds its two user-agent headers on
 * every call, reading a resource out of the Gson jar each time, and keeps at most five idle
 * connections (so with ten orders in flight it opens new ones); here the headers are built once
 * (they depend only on the API mode) and the JDK client keeps its connections (HTTP/2 to Stripe
 * itself). Retries, idempotency keys, telemetry and error handling stay the library's: this only
 * sends one request and returns the answer. A time-out is reported as the library's own client
 * reports one ({@link SocketTimeoutException} as the cause), so the library retries it as before.
 * Every request, retries included, carries the current span's W3C {@code traceparent} (stripe-java
 * has no hook for extra headers; the transport is where they can be added).
 */
final class KeptAliveStripeHttp extends HttpClient {
    /** Set by the JDK client itself; it refuses them from callers. */
    private static final Set<String> SET_BY_CLIENT =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final java.net.http.HttpClient http;
    private final OpenTelemetry telemetry;
    private final String clientUserAgent = buildXStripeClientUserAgentString();
    private final Map<ApiMode, String> userAgents = new ConcurrentHashMap<>();

    KeptAliveStripeHttp(String apiBase, Duration connectTimeout, OpenTelemetry telemetry) {
        this.telemetry = telemetry;
        http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // Plain http (stripe-mock) is HTTP/1.1: no h2c upgrade attempt on every new connection.
                .version(apiBase.startsWith("http:") ? Version.HTTP_1_1 : Version.HTTP_2)
                .build();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI());
        } catch (URISyntaxException e) {
            throw new ApiConnectionException("Invalid Stripe URL " + request.url() + ": " + e.getMessage(), e);
        }
        if (request.options().getReadTimeout() != null && request.options().getReadTimeout() > 0) {
            builder.timeout(Duration.ofMillis(request.options().getReadTimeout()));
        }
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            if (!SET_BY_CLIENT.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                builder.header(header.getKey(), String.join(",", header.getValue()));
            }
        }
        builder.header(
                "User-Agent", userAgents.computeIfAbsent(request.apiMode(), mode -> buildUserAgentString(request)));
        builder.header("X-Stripe-Client-User-Agent", clientUserAgent);
        TraceContextHeaders.current(telemetry).forEach(builder::setHeader);
        if (request.content() == null) {
            builder.method(request.method().name(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", request.content().contentType());
            builder.method(
                    request.method().name(),
                    HttpRequest.BodyPublishers.ofByteArray(request.content().byteArrayContent()));
        }
        try {
            HttpResponse<String> response =
                    http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new StripeResponse(
                    response.statusCode(), HttpHeaders.of(response.headers().map()), response.body());
        } catch (HttpTimeoutException e) {
            SocketTimeoutException timeout = new SocketTimeoutException(e.getMessage());
            timeout.initCause(e);
            throw failed(request, timeout);
        } catch (IOException e) {
            throw failed(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(request, new IOException("interrupted", e));
        }
    }

    private static ApiConnectionException failed(StripeRequest request, IOException cause) {
        return new ApiConnectionException(
                "IOException during API request to Stripe (" + request.url().getHost() + "): " + cause.getMessage(),
                cause);
    }
}
