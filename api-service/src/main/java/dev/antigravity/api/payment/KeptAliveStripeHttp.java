package dev.antigravity.api.payment;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiMode;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import dev.antigravity.api.http.Bodies;
import dev.antigravity.api.tracing.TraceContextHeaders;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.api.WebClientConfig;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * stripe-java's transport on Helidon's blocking HTTP/1.1 client, for the payment creation every
 * order makes. The library's default ({@code HttpURLConnectionClient}) rebuilds its two user-agent
 * headers on every call, reading a resource out of the Gson jar each time, and keeps at most five
 * idle connections; the JDK's {@code java.net.http} client keeps connections but runs every call as
 * a chain of futures handed between its selector and worker threads (11 % of an order's CPU in
 * the profile). Helidon's client writes and reads the socket on the calling (virtual) thread; the
 * connections are kept by {@link StripeConnections} rather than the client's cache, which watches
 * each idle connection with a thread of its own. The headers are built once (they depend only on
 * the API mode). Retries, idempotency keys and error handling stay the library's: this
 * only sends one request and returns the answer. A failure is reported as the library's own client
 * reports one (the {@link ConnectException} or {@link SocketTimeoutException} as the cause), so the
 * library retries what it retried before. Every request, retries included, carries the current
 * span's W3C {@code traceparent} (stripe-java has no hook for extra headers; the transport is where
 * they can be added). What does not change between calls is worked out once: the URI of each
 * endpoint, which of the library's header names the client writes itself, and whether the system
 * sends Stripe's host through a proxy (Helidon otherwise asks the JVM's proxy selector on every
 * request).
 */
final class KeptAliveStripeHttp extends HttpClient {
    /** Written by the Helidon client itself from the request. */
    private static final Set<String> SET_BY_CLIENT =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

    private static final int MAX_URIS = 32;
    private static final HeaderName USER_AGENT = HeaderNames.USER_AGENT;
    private static final HeaderName CLIENT_USER_AGENT = HeaderNames.create("X-Stripe-Client-User-Agent");

    /** At most this many idle connections are kept (as many as orders being paid at once, at most). */
    private static final int KEPT_CONNECTIONS = 64;

    private final Http1Client http;
    /** Empty when a proxy carries the calls: Helidon's own cache then keeps the connections. */
    private final Optional<StripeConnections> connections;

    private final Duration readTimeout;
    private final OpenTelemetry telemetry;
    private final Header clientUserAgent =
            HeaderValues.createCached(CLIENT_USER_AGENT, buildXStripeClientUserAgentString());
    private final Map<ApiMode, Header> userAgents = new ConcurrentHashMap<>();
    /** The library's header names as sent; empty for those {@link #SET_BY_CLIENT}. */
    private final Map<String, Optional<HeaderName>> headerNames = new ConcurrentHashMap<>();
    /** The endpoints called (a few fixed paths: ids go in the form), so never more than {@link #MAX_URIS}. */
    private final Map<String, URI> uris = new ConcurrentHashMap<>();

    /** {@code apiBase} is the Stripe base URL the library is configured with (its proxy is chosen once). */
    KeptAliveStripeHttp(URI apiBase, Duration connectTimeout, Duration readTimeout, OpenTelemetry telemetry) {
        this.readTimeout = readTimeout;
        this.telemetry = telemetry;
        boolean direct = systemSendsDirectly(apiBase);
        WebClientConfig.Builder builder = WebClient.builder();
        if (direct) {
            builder.proxy(Proxy.noProxy());
        }
        WebClient web = builder.connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                // A cache of this client's own: the shared one is sized and closed with other clients.
                .shareConnectionCache(false)
                .keepAlive(true)
                // Stripe never redirects an API call; a redirect would be a misconfigured base URL.
                .followRedirects(false)
                .sendExpectContinue(false)
                .build();
        http = web.client(Http1Client.PROTOCOL);
        // Through a proxy the client's own cache keeps the connections (it asks the proxy selector per request).
        connections = direct ? Optional.of(new StripeConnections(web, apiBase, KEPT_CONNECTIONS)) : Optional.empty();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        Http1ClientRequest call;
        try {
            call = http.method(Method.create(request.method().name())).uri(uri(request.url()));
        } catch (URISyntaxException e) {
            throw new ApiConnectionException("Invalid Stripe URL " + request.url() + ": " + e.getMessage(), e);
        }
        Integer timeout = request.options().getReadTimeout();
        call.readTimeout(timeout != null && timeout > 0 ? Duration.ofMillis(timeout) : readTimeout);
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            headerNames
                    .computeIfAbsent(header.getKey(), KeptAliveStripeHttp::sentName)
                    .ifPresent(name -> call.header(name, header.getValue()));
        }
        call.header(userAgents.computeIfAbsent(
                request.apiMode(), mode -> HeaderValues.createCached(USER_AGENT, buildUserAgentString(request))));
        call.header(clientUserAgent);
        TraceContextHeaders.current(telemetry)
                .forEach((name, value) -> headerNames
                        .computeIfAbsent(name, KeptAliveStripeHttp::sentName)
                        .ifPresent(header -> call.header(header, value)));
        Optional<ClientConnection> leased;
        try {
            leased = lease(request.url());
        } catch (RuntimeException e) {
            throw failed(request, e);
        }
        leased.ifPresent(call::connection);
        try (Http1ClientResponse response = send(call, request)) {
            Map<String, List<String>> headers = new HashMap<>();
            for (Header header : response.headers()) {
                headers.put(header.name(), header.allValues());
            }
            String body = new String(
                    Bodies.read(response.inputStream(), response.headers().contentLength()), StandardCharsets.UTF_8);
            return new StripeResponse(response.status().code(), HttpHeaders.of(headers), body);
        } catch (IOException | RuntimeException e) {
            // Helidon reports I/O failures unchecked (a closed connection as a DataReader exception). A connection
            // that failed mid-call is in no known state: it is closed, never kept.
            leased.ifPresent(ClientConnection::closeResource);
            throw failed(request, e);
        }
    }

    private Optional<ClientConnection> lease(URL url) {
        return connections.filter(kept -> kept.serves(url)).map(StripeConnections::lease);
    }

    private URI uri(URL url) throws URISyntaxException {
        String text = url.toExternalForm();
        URI known = uris.get(text);
        if (known != null) {
            return known;
        }
        URI parsed = url.toURI();
        if (uris.size() < MAX_URIS) {
            uris.put(text, parsed);
        }
        return parsed;
    }

    private static Optional<HeaderName> sentName(String name) {
        return SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of(HeaderNames.create(name));
    }

    /**
     * Whether the JVM's proxy selector (the {@code https.proxyHost} properties, or the system's
     * settings with {@code java.net.useSystemProxies}) connects to Stripe directly. If it names a
     * proxy, the client keeps asking it per request, as Helidon does by default.
     */
    private static boolean systemSendsDirectly(URI apiBase) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return true;
        }
        List<java.net.Proxy> proxies = selector.select(apiBase);
        return proxies.isEmpty() || proxies.stream().allMatch(proxy -> proxy.type() == java.net.Proxy.Type.DIRECT);
    }

    private static Http1ClientResponse send(Http1ClientRequest call, StripeRequest request) {
        if (request.content() == null) {
            return call.request();
        }
        call.header(HeaderNames.CONTENT_TYPE, request.content().contentType());
        return call.submit(request.content().byteArrayContent());
    }

    /**
     * The library retries a call whose cause is a {@link ConnectException} or a
     * {@link SocketTimeoutException}; Helidon wraps those in {@link UncheckedIOException}s, so that
     * one, if the chain holds it, is the cause handed on. A connection that ends before the answer
     * is complete (a kept connection the server closed while it was idle, found on its next use) is
     * reported as a {@link ConnectException} too: every call carries an idempotency key, so Stripe
     * answers a resent call with the first one's result, never a second PaymentIntent or refund.
     */
    private static ApiConnectionException failed(StripeRequest request, Exception failure) {
        IOException cause = null;
        for (Throwable t = failure; t != null && cause == null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                cause = (IOException) t;
            }
        }
        if (cause == null && endedEarly(failure)) {
            cause = new ConnectException("connection closed before the answer: " + failure);
            cause.initCause(failure);
        }
        if (cause == null) {
            cause = failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        }
        return new ApiConnectionException(
                "IOException during API request to Stripe (" + request.url().getHost() + "): " + cause.getMessage(),
                cause);
    }

    private static boolean endedEarly(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataReader.InsufficientDataAvailableException
                    || t instanceof java.io.EOFException
                    || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }
}
