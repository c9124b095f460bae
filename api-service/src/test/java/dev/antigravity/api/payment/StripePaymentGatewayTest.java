package dev.antigravity.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.antigravity.api.service.PaymentGateway;
import dev.antigravity.api.service.PaymentProviderException;
import dev.antigravity.api.testsupport.StripeMock;
import io.opentelemetry.api.OpenTelemetry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe gateway on its own transport ({@link KeptAliveStripeHttp}): what Stripe's API
 * (stripe-mock) answers, and, against a local server that records requests, that each call
 * carries what the library's own transport sends, that calls share a kept connection, and that
 * time-outs and connections closed under the client are retried as before.
 */
class StripePaymentGatewayTest {
    private static final String INTENT = """
            {"id":"pi_123","object":"payment_intent","amount":1250,"currency":"usd","client_secret":"pi_123_secret_abc",
             "status":"requires_payment_method"}""";

    private final ConcurrentLinkedQueue<Recorded> requests = new ConcurrentLinkedQueue<>();
    private final ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
        serverThreads.shutdownNow();
    }

    @Test
    void createsAndRefundsWithStripeMock() {
        PaymentGateway stripe = new StripePaymentGateway(
                StripeMock.SECRET_KEY, StripeMock.url(), Duration.ofSeconds(10), OpenTelemetry.noop());
        PaymentGateway.ProviderIntent intent = stripe.createIntent(42, 1250, "usd", "order-42-gateway-test");
        assertThat(intent.id()).startsWith("pi_");
        assertThat(intent.clientSecret()).contains("_secret_");
        assertThat(stripe.refund(intent.id(), "refund-order-42-gateway-test")).startsWith("re_");
    }

    @Test
    void eachCallCarriesTheKeyVersionUserAgentsAndFormButNoTelemetry() throws IOException {
        String base = serve(exchange -> answer(exchange, 200, INTENT));
        PaymentGateway stripe =
                new StripePaymentGateway("sk_test_recorded", base, Duration.ofSeconds(10), OpenTelemetry.noop());
        for (int i = 1; i <= 2; i++) {
            assertThat(stripe.createIntent(7, 1250, "usd", "order-7-key-" + i))
                    .isEqualTo(new PaymentGateway.ProviderIntent("pi_123", "pi_123_secret_abc"));
        }
        assertThat(requests).hasSize(2).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/payment_intents");
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk_test_recorded");
            assertThat(request.header("Stripe-Version")).isNotBlank();
            assertThat(request.header("User-Agent")).startsWith("Stripe/v1 JavaBindings/");
            assertThat(request.header("X-Stripe-Client-User-Agent"))
                    .contains("\"bindings.version\"")
                    .contains("\"lang\":\"Java\"");
            assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            // stripe-java's client telemetry (the previous call's latency, a Gson document per call) is off.
            assertThat(request.header("X-Stripe-Client-Telemetry")).isEmpty();
            assertThat(request.body())
                    .contains("amount=1250")
                    .contains("currency=usd")
                    .contains("metadata[order_id]=7")
                    .contains("automatic_payment_methods[enabled]=true");
        });
        assertThat(requests)
                .extracting(request -> request.header("Idempotency-Key"))
                .containsExactly("order-7-key-1", "order-7-key-2");
    }

    @Test
    void consecutiveCallsShareOneKeptConnection() throws IOException {
        String base = serve(exchange -> answer(exchange, 200, INTENT));
        PaymentGateway stripe =
                new StripePaymentGateway("sk_test_recorded", base, Duration.ofSeconds(10), OpenTelemetry.noop());
        for (int i = 1; i <= 3; i++) {
            stripe.createIntent(11, 1250, "usd", "order-11-kept-" + i);
        }
        assertThat(requests)
                .hasSize(3)
                .extracting(Recorded::clientPort)
                .containsOnly(requests.peek().clientPort());
    }

    @Test
    void aKeptConnectionTheServerClosedIsNotAFailure() throws IOException {
        // Each connection answers one request as if it stayed open (no "Connection: close"), then is
        // closed: the client's next call finds its kept connection dead and must still get through.
        ServerSocket oneAnswerEach = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        serverThreads.execute(() -> {
            while (!oneAnswerEach.isClosed()) {
                try (Socket socket = oneAnswerEach.accept()) {
                    answerOnce(socket, keys);
                } catch (IOException e) {
                    // closed at the end of the test, or the client went away
                }
            }
        });
        try (oneAnswerEach) {
            PaymentGateway stripe = new StripePaymentGateway(
                    "sk_test_recorded",
                    "http://127.0.0.1:" + oneAnswerEach.getLocalPort(),
                    Duration.ofSeconds(10),
                    OpenTelemetry.noop());
            for (int i = 1; i <= 3; i++) {
                assertThat(stripe.createIntent(12, 700, "usd", "order-12-closed-" + i)
                                .id())
                        .isEqualTo("pi_123");
            }
        }
        assertThat(keys).contains("order-12-closed-1", "order-12-closed-2", "order-12-closed-3");
    }

    @Test
    void aProxyTheSystemNamesForStripeIsStillUsed() throws IOException {
        // The transport decides once whether the JVM's proxy settings send Stripe's host through a
        // proxy: with a proxy named, the call must still go through it (Helidon tunnels with CONNECT).
        ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<String> tunnels = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        serverThreads.execute(() -> {
            while (!proxy.isClosed()) {
                try (Socket socket = proxy.accept()) {
                    tunnels.add(readHead(socket.getInputStream()).split("\r\n")[0]);
                    socket.getOutputStream()
                            .write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    answerOnce(socket, keys);
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        });
        Map<String, String> settings = Map.of(
                "http.proxyHost", "127.0.0.1",
                "http.proxyPort", Integer.toString(proxy.getLocalPort()),
                "http.nonProxyHosts", "");
        settings.forEach(System::setProperty);
        try (proxy) {
            PaymentGateway stripe = new StripePaymentGateway(
                    // Nothing listens on port 9 here: only through the proxy can the call be answered.
                    "sk_test_recorded", "http://localhost:9", Duration.ofSeconds(10), OpenTelemetry.noop());
            assertThat(stripe.createIntent(14, 900, "usd", "order-14-proxied").id())
                    .isEqualTo("pi_123");
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
        assertThat(tunnels).singleElement().asString().startsWith("CONNECT ").endsWith(":9 HTTP/1.1");
        assertThat(keys).containsExactly("order-14-proxied");
    }

    @Test
    void aTimedOutCallIsRetriedWithTheSameIdempotencyKey() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        String base = serve(exchange -> {
            if (calls.incrementAndGet() == 1) {
                sleep(Duration.ofSeconds(30)); // far beyond the client's time-out: the client gives up on this one
            }
            answer(exchange, 200, INTENT);
        });
        PaymentGateway stripe =
                new StripePaymentGateway("sk_test_recorded", base, Duration.ofSeconds(3), OpenTelemetry.noop());
        assertThat(stripe.createIntent(8, 500, "usd", "order-8-slow").id()).isEqualTo("pi_123");
        // Two calls at least (a busy machine may time out the second too; the library tries three times).
        assertThat(requests)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(
                        request -> assertThat(request.header("Idempotency-Key")).isEqualTo("order-8-slow"));
    }

    @Test
    void aProviderErrorBecomesAPaymentProviderExceptionWithItsStatus() throws IOException {
        String base = serve(exchange -> answer(exchange, 402, """
                {"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}"""));
        PaymentGateway stripe =
                new StripePaymentGateway("sk_test_recorded", base, Duration.ofSeconds(10), OpenTelemetry.noop());
        assertThatThrownBy(() -> stripe.createIntent(9, 500, "usd", "order-9"))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("HTTP 402")
                .hasMessageContaining("declined");
    }

    @Test
    void anAnswerThatIsNoPaymentIntentBecomesAPaymentProviderException() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        String base = serve(exchange -> answer(
                exchange, 200, calls.incrementAndGet() == 1 ? "{\"id\": \"pi_1\", \"cli" : "{\"object\":\"list\"}"));
        PaymentGateway stripe =
                new StripePaymentGateway("sk_test_recorded", base, Duration.ofSeconds(10), OpenTelemetry.noop());
        assertThatThrownBy(() -> stripe.createIntent(13, 500, "usd", "order-13-cut"))
                .isInstanceOf(PaymentProviderException.class);
        assertThatThrownBy(() -> stripe.createIntent(13, 500, "usd", "order-13-other"))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("without an id");
    }

    @Test
    void anUnreachableProviderBecomesAPaymentProviderException() {
        PaymentGateway stripe = new StripePaymentGateway(
                "sk_test_recorded", "http://127.0.0.1:1", Duration.ofSeconds(2), OpenTelemetry.noop());
        assertThatThrownBy(() -> stripe.createIntent(10, 500, "usd", "order-10"))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("ApiConnectionException");
    }

    /** Starts the recording server; the handler answers after the request is recorded. */
    private String serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                requests.add(new Recorded(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        exchange.getRemoteAddress().getPort(),
                        exchange.getRequestHeaders().entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue)),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            handler.handle(exchange);
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Reads one HTTP/1.1 request off the socket, records its idempotency key, and answers it with the intent. */
    private static void answerOnce(Socket socket, List<String> keys) throws IOException {
        InputStream in = socket.getInputStream();
        String key = "";
        int length = 0;
        for (String line : readHead(in).split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            } else if (lower.startsWith("idempotency-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        in.readNBytes(length);
        keys.add(key); // before the answer: once answered, the test may read the keys
        byte[] body = INTENT.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nRequest-Id: req_test\r\nContent-Length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** A request's line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before a whole request");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_test");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the timed-out call: the client closed this connection
        } finally {
            exchange.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private record Recorded(
            String method, String path, int clientPort, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return String.join(",", headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()));
        }
    }
}
