package dev.antigravity.api.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server in front of a real one (stripe-mock, moto) that records every request it relays —
 * method, path, headers, body — before relaying it unchanged, so a test can see what the service sent on the wire
 * (the {@code traceparent} header) while the real server still answers. A request is recorded before its answer
 * leaves, so whoever got the answer finds the record.
 */
public final class RecordingProxy implements AutoCloseable {
    /** Headers the JDK client sets itself (and refuses from callers), and hop-by-hop ones. */
    private static final Set<String> NOT_RELAYED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");

    /** One request as it arrived; header names lower case. */
    public record Exchange(String method, String path, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
                    .map(List::getFirst);
        }
    }

    private final URI target;
    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    /** How long each request is held before it is relayed: a slow upstream, such as a Stripe having a bad day. */
    private final Duration delay;

    private RecordingProxy(URI target, Duration delay) throws IOException {
        this.target = target;
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::relay);
        server.start();
    }

    /** A started proxy to {@code target} (scheme, host and port; the request's path is kept). */
    public static RecordingProxy to(URI target) {
        return to(target, Duration.ZERO);
    }

    /** The same, relaying each request only after {@code delay} (it is recorded on arrival). */
    public static RecordingProxy to(URI target, Duration delay) {
        try {
            return new RecordingProxy(target, delay);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request relayed so far, in arrival order. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            exchanges.add(new Exchange(
                    exchange.getRequestMethod(), pathAndQuery, headers, new String(body, StandardCharsets.UTF_8)));
            Thread.sleep(delay);

            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(pathAndQuery))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, values) -> {
                if (!NOT_RELAYED.contains(name)) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] reply = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
