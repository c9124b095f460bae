package dev.antigravity.api.http.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.http.auth.LocalTokens;
import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@ServerTest
class RateLimitServerTest {
    private static final Database DB = TestDatabases.h2();
    // Refill so slow that no token comes back during the test.
    private static final AppContext APP = TestApps.create(DB, Map.of("ratelimit.rate", "0.01", "ratelimit.burst", "3"));

    private final Http1Client client;

    RateLimitServerTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP).routing(routing -> {
            ApiServer.routing(routing, APP);
            routing.get("/test/ping", (req, res) -> res.send("pong"));
        });
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void excessRequestsGet429WithRetryAfterPerCallerWhileHealthStaysExempt() {
        for (int i = 0; i < 3; i++) {
            try (Http1ClientResponse res = client.get("/test/ping").request()) {
                assertThat(res.status()).isEqualTo(Status.OK_200);
            }
        }
        try (Http1ClientResponse res = client.get("/test/ping").request()) {
            assertThat(res.status()).isEqualTo(Status.TOO_MANY_REQUESTS_429);
            assertThat(res.headers().first(HeaderNames.RETRY_AFTER).map(Long::parseLong))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 101L));
            assertThat(res.headers().contentType().map(Object::toString).orElse(""))
                    .startsWith("application/problem+json");
            assertThat(res.as(String.class)).contains("/problems/rate-limited");
        }
        // X-Forwarded-For is not trusted unless configured, so it cannot mint fresh buckets.
        try (Http1ClientResponse res = client.get("/test/ping")
                .header(HeaderNames.X_FORWARDED_FOR, "203.0.113.9")
                .request()) {
            assertThat(res.status()).isEqualTo(Status.TOO_MANY_REQUESTS_429);
        }
        // Load balancer health checks are never throttled.
        for (int i = 0; i < 5; i++) {
            try (Http1ClientResponse res = client.get("/health").request()) {
                assertThat(res.status()).isEqualTo(Status.OK_200);
            }
        }
        // An authenticated caller is limited as itself, not as the (exhausted) client IP.
        String token = LocalTokens.mint("erin", Role.CUSTOMER);
        try (Http1ClientResponse res = client.get("/test/ping")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                .request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
    }
}
