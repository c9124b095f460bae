package dev.antigravity.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kept connections to Stripe's host against a local HTTP/1.1 server that counts the connections
 * it accepts and the ones the client closed: a kept connection is reused, a stale one is found and
 * replaced before a request is written on it, one idle too long is closed unused, and what must
 * not be kept (beyond capacity, an answer that says {@code Connection: close}) is closed. The
 * clock is the test's, so idle times are set, not waited for.
 */
class StripeConnectionsTest {
    private static final Duration CHECK_AFTER = Duration.ofSeconds(2);
    private static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private final ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final CountDownLatch closedByServer = new CountDownLatch(1);
    private final WebClient web = WebClient.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5))
            .build();
    private final Http1Client http = web.client(Http1Client.PROTOCOL);
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        serverThreads.shutdownNow();
    }

    @Test
    void consecutiveCallsReuseOneConnection() throws Exception {
        StripeConnections connections = connections(serve(Integer.MAX_VALUE, false), 4);
        for (int i = 0; i < 3; i++) {
            call(connections);
            advance(Duration.ofMillis(500));
        }
        awaitCount(accepted, 1);
        assertThat(connections.idle()).isEqualTo(1);
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsReplacedBeforeARequestIsWrittenOnIt() throws Exception {
        StripeConnections connections = connections(serve(1, false), 4);
        call(connections);
        awaitClosedByServer();
        advance(CHECK_AFTER.plusMillis(1));

        ClientConnection next = connections.lease();

        awaitCount(accepted, 2); // the dead connection was checked, closed and a new one opened
        try (Http1ClientResponse response = http.get(base()).connection(next).request()) {
            assertThat(response.as(String.class)).isEqualTo("ok");
        }
    }

    @Test
    void aLiveConnectionPassesTheCheckAfterAnIdlePeriod() throws Exception {
        StripeConnections connections = connections(serve(Integer.MAX_VALUE, false), 4);
        call(connections);
        advance(CHECK_AFTER.plusSeconds(1));
        call(connections);
        awaitCount(accepted, 1);
    }

    @Test
    void aConnectionIdleLongerThanTheLimitIsClosedUnused() throws Exception {
        StripeConnections connections = connections(serve(Integer.MAX_VALUE, false), 4);
        call(connections);
        advance(MAX_IDLE.plusSeconds(1));
        call(connections);
        awaitCount(accepted, 2);
        awaitCount(closedByClient, 1);
    }

    @Test
    void noMoreConnectionsThanTheCapacityAreKept() throws Exception {
        StripeConnections connections = connections(serve(Integer.MAX_VALUE, false), 1);
        ClientConnection first = connections.lease();
        ClientConnection second = connections.lease();
        request(first);
        request(second);
        assertThat(connections.idle()).isEqualTo(1);
        awaitCount(closedByClient, 1);
    }

    @Test
    void anAnswerThatClosesTheConnectionIsNotKept() throws Exception {
        StripeConnections connections = connections(serve(Integer.MAX_VALUE, true), 4);
        call(connections);
        assertThat(connections.idle()).isZero();
        call(connections);
        awaitCount(accepted, 2);
    }

    @Test
    void closingClosesTheKeptConnectionsAndKeepsNoMore() throws Exception {
        StripeConnections connections = connections(serve(Integer.MAX_VALUE, false), 4);
        ClientConnection inFlight = connections.lease();
        call(connections);
        connections.close();
        awaitCount(closedByClient, 1);
        request(inFlight); // answered after the close: closed, not kept
        assertThat(connections.idle()).isZero();
        awaitCount(closedByClient, 2);
    }

    private StripeConnections connections(URI base, int capacity) {
        return new StripeConnections(web, base, capacity, CHECK_AFTER, MAX_IDLE, now::get);
    }

    private void call(StripeConnections connections) {
        request(connections.lease());
    }

    private void request(ClientConnection connection) {
        try (Http1ClientResponse response =
                http.get(base()).connection(connection).request()) {
            assertThat(response.as(String.class)).isEqualTo("ok");
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private String base() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    /**
     * A server that answers {@code answersPerConnection} requests on each connection and then closes
     * it, and counts the connections it accepted and those the client closed first.
     */
    private URI serve(int answersPerConnection, boolean sayClose) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serverThreads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    serverThreads.execute(() -> answer(socket, answersPerConnection, sayClose));
                } catch (IOException e) {
                    // the server closed at the end of the test
                }
            }
        });
        return URI.create(base());
    }

    private void answer(Socket socket, int answers, boolean sayClose) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < answers; i++) {
                if (!readHead(in)) {
                    closedByClient.incrementAndGet();
                    return;
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + (sayClose ? "Connection: close\r\n" : "")
                                + "\r\nok")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (sayClose) {
                    return;
                }
            }
        } catch (IOException e) {
            closedByClient.incrementAndGet();
            return;
        }
        closedByServer.countDown();
    }

    /** Reads a request's head; false when the client closed the connection instead. */
    private static boolean readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
        }
        return true;
    }

    private void awaitClosedByServer() throws InterruptedException {
        assertThat(closedByServer.await(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Waits for a count the server's threads keep (a connect returns before the server's accept does). */
    private static void awaitCount(AtomicInteger counted, int count) throws InterruptedException {
        for (int waited = 0; counted.get() < count && waited < 10_000; waited += 10) {
            Thread.sleep(10);
        }
        assertThat(counted).hasValue(count);
    }
}
