package dev.antigravity.api.http.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.http.auth.LocalTokens;
import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.RawHttp;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies are held whole before a request takes a slot, so what they may hold is bounded: one
 * caller's bodies in memory ({@code limits.caller}, 429 beyond) and all bodies' bytes
 * ({@code limits.bodies}, 503 beyond). Requests without a body are not concerned.
 */
@ServerTest
class RequestBodyLimitsServerTest {
    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(
            DB, Map.of("limits.body", "1024", "limits.bodies", "2048", "limits.caller", "1", "limits.wait", "PT0.05S"));
    private static final String ALICE = LocalTokens.mint("alice", Role.CUSTOMER);
    private static final String BOB = LocalTokens.mint("bob", Role.CUSTOMER);
    private static final String ADMIN = LocalTokens.mint("limits-admin", Role.ADMIN);

    private final int port;

    RequestBodyLimitsServerTest(WebServer server) {
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP);
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void oneCallersBodiesAndAllBodiesInMemoryAreBounded() throws Exception {
        try (RawHttp alice = slowOrder(ALICE)) {
            try (RawHttp second = connect()) {
                second.send("POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ALICE
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
                RawHttp.Response response = second.readResponse();
                assertThat(response.status()).isEqualTo(429);
                assertThat(response.header("Retry-After")).isEqualTo("1");
                assertThat(second.whatFollows()).isEqualTo("closed");
            }
            try (RawHttp bob = slowOrder(BOB)) {
                // Bob's and Alice's 1000 bytes hold the 2 KiB budget: the next body waits, then 503.
                assertThat(post(productRequest("late")).status()).isEqualTo(503);
                assertThat(get("/api/products").status()).isEqualTo(200);
            }
        }
        // Both slow bodies are gone (their connections closed), and so are their reservations — once the server's
        // connection threads noticed the close, which happens after our close returns: wait for it (a 503 changes
        // nothing, so asking again is harmless).
        Eventually.assertThat(
                Duration.ofSeconds(30),
                () -> assertThat(post(productRequest("in-time")).status()).isEqualTo(201));
    }

    /**
     * A 1000-byte order body of which only the first byte is sent, once the server asked for it:
     * its "100 Continue" shows the body is being read (its caller permit and budget are taken).
     */
    private RawHttp slowOrder(String token) throws IOException {
        RawHttp http = connect()
                .send("POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n");
        assertThat(http.readResponse().status()).isEqualTo(100);
        return http.send("{");
    }

    private static String productRequest(String name) {
        String body = "{\"name\":\"" + name + "\",\"price\":1.0,\"stock\":1}";
        return "POST /api/products HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private RawHttp.Response post(String request) {
        try (RawHttp http = connect()) {
            return http.send(request).readResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RawHttp.Response get(String path) {
        return post("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    private RawHttp connect() throws IOException {
        return RawHttp.connect(port, Duration.ofSeconds(5));
    }
}
