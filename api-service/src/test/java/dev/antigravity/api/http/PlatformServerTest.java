package dev.antigravity.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.AppContext;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.auth.Access;
import dev.antigravity.api.http.auth.LocalTokens;
import dev.antigravity.api.http.auth.Principal;
import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.logging.JsonLogFormatter;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.helidon.webserver.testing.junit5.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication, correlation ids, access log, metrics, CORS and health through the real server. */
@ServerTest
class PlatformServerTest {
    private static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(
            DB,
            Map.of(
                    "cors.origins", "https://console.example, https://admin.example",
                    "app.version", "1.2.3-test"));

    private final Http1Client client;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final List<String> formatted = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final JsonLogFormatter formatter = new JsonLogFormatter();

        @Override
        public void publish(LogRecord record) {
            // Formatted first: a test that waits for a record in `logged` then reads `formatted` must find it there
            // (the access line is published on the server's thread after the client already has its response).
            formatted.add(formatter.format(record));
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private final Http1Client management;

    PlatformServerTest(Http1Client client, @Socket(ApiServer.MANAGEMENT_SOCKET) Http1Client management) {
        this.client = client;
        this.management = management;
    }

    /** Stand-ins for domain resources: who am I, admin only, a nested template, a handler that logs. */
    static final class ProbeService implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get("/whoami", (req, res) -> {
                        Principal p = Access.require(req);
                        res.send(Map.of("subject", p.subject(), "role", p.role().name()));
                    })
                    .get("/admin", (req, res) -> {
                        Access.require(req, Role.ADMIN);
                        res.send(Map.of("ok", true));
                    })
                    .get("/things/{id}", (req, res) -> {
                        System.getLogger("probe")
                                .log(
                                        System.Logger.Level.INFO,
                                        "handling thing "
                                                + req.path().pathParameters().get("id"));
                        res.send(Map.of("id", req.path().pathParameters().get("id")));
                    });
        }
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP).routing(routing -> {
            ApiServer.routing(routing, APP);
            routing.register("/test", new ProbeService());
        });
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void anonymousCallersGet401WithBearerChallenge() {
        try (Http1ClientResponse res = client.get("/test/whoami").request()) {
            assertThat(res.status()).isEqualTo(Status.UNAUTHORIZED_401);
            assertThat(res.headers().first(HeaderNames.WWW_AUTHENTICATE))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(res.headers().contentType().map(Object::toString).orElse(""))
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void validTokensAuthenticateAndRolesAreEnforced() {
        String customer = LocalTokens.mint("carol", Role.CUSTOMER);
        try (Http1ClientResponse res = get("/test/whoami", customer)) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
            assertThat(res.as(String.class)).contains("\"subject\":\"carol\"").contains("CUSTOMER");
        }
        try (Http1ClientResponse res = get("/test/admin", customer)) {
            assertThat(res.status()).isEqualTo(Status.FORBIDDEN_403);
        }
        try (Http1ClientResponse res = get("/test/admin", LocalTokens.mint("root", Role.ADMIN))) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
    }

    @Test
    void badCredentialsAreRejectedEvenOnPublicApiRoutes() {
        try (Http1ClientResponse res = client.get("/api/products")
                .header(HeaderNames.AUTHORIZATION, "Basic YTpi")
                .request()) {
            assertThat(res.status()).isEqualTo(Status.UNAUTHORIZED_401);
        }
        try (Http1ClientResponse res = get("/api/products", "garbage")) {
            assertThat(res.status()).isEqualTo(Status.UNAUTHORIZED_401);
            assertThat(res.headers().first(HeaderNames.WWW_AUTHENTICATE))
                    .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            assertThat(json(res).get("type").asText()).endsWith("/invalid-token");
        }
        // The access log records the 401 (not the 200 a later stage never produced), under the
        // route template although routing never ran.
        try (Http1ClientResponse res = client.get("/api/orders/9")
                .header(REQUEST_ID, "rejected-1")
                .header(HeaderNames.AUTHORIZATION, "Bearer garbage")
                .request()) {
            assertThat(res.status()).isEqualTo(Status.UNAUTHORIZED_401);
        }
        Eventually.assertThat(
                Duration.ofSeconds(5),
                () -> assertThat(accessLines("rejected-1")).singleElement().satisfies(f -> {
                    assertThat(f.get("status")).isEqualTo(401);
                    assertThat(f.get("route")).isEqualTo("/api/orders/{id}");
                }));
    }

    /** Probes and scrapers need no caller: a stale or foreign header they forward must not fail them. */
    @Test
    void operationalPathsIgnoreCredentials() {
        for (String path : List.of("/health", "/ready", "/openapi")) {
            for (String authorization : List.of("Bearer junk", "Basic YTpi", "Bearer")) {
                try (Http1ClientResponse res = client.get(path)
                        .header(HeaderNames.AUTHORIZATION, authorization)
                        .request()) {
                    assertThat(res.status()).as(path + " with " + authorization).isEqualTo(Status.OK_200);
                }
            }
        }
    }

    @Test
    void responsesForbidSniffingAndCachingByDefault() {
        for (String path : List.of("/test/things/1", "/no/such/path")) {
            try (Http1ClientResponse res = client.get(path).request()) {
                assertThat(res.headers().first(HeaderNames.create("X-Content-Type-Options")))
                        .as(path)
                        .contains("nosniff");
                assertThat(res.headers().first(HeaderNames.CACHE_CONTROL))
                        .as(path)
                        .contains("no-store");
            }
        }
    }

    @Test
    void correlationIdIsAcceptedWhenSafeAndReplacedOtherwise() {
        try (Http1ClientResponse res =
                client.get("/health").header(REQUEST_ID, "trace-42.a:b_c").request()) {
            assertThat(res.headers().first(REQUEST_ID)).contains("trace-42.a:b_c");
        }
        for (String unsafe : List.of("x".repeat(129), "has space", "inject\"quote", "semi;colon")) {
            try (Http1ClientResponse res =
                    client.get("/health").header(REQUEST_ID, unsafe).request()) {
                assertThat(res.headers().first(REQUEST_ID))
                        .hasValueSatisfying(
                                id -> assertThat(id).isNotEqualTo(unsafe).matches("[0-9a-f-]{36}"));
            }
        }
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.headers().first(REQUEST_ID))
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        }
    }

    @Test
    void oneAccessLineWithRouteTemplateAndEveryLineCarriesTheCorrelationId() throws Exception {
        try (Http1ClientResponse res = client.get("/test/things/77")
                .header(REQUEST_ID, "corr-1")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + LocalTokens.mint("dave", Role.CUSTOMER))
                .request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
        // Filtered by correlation id: a previous test's last access line may arrive late.
        Eventually.assertThat(
                Duration.ofSeconds(5), () -> assertThat(accessLines("corr-1")).hasSize(1));
        List<Map<?, ?>> access = accessLines("corr-1");
        Map<?, ?> line = access.getFirst();
        assertThat(line.get("method")).isEqualTo("GET");
        assertThat(line.get("route")).isEqualTo("/test/things/{id}");
        // The whole path the client asked for, not the part below the service's prefix.
        assertThat(line.get("path")).isEqualTo("/test/things/77");
        assertThat(line.get("status")).isEqualTo(200);
        assertThat(line.get("correlation_id")).isEqualTo("corr-1");
        assertThat(line.get("subject")).isEqualTo("dave");
        assertThat(((Number) line.get("latency_ms")).doubleValue()).isGreaterThanOrEqualTo(0.0);

        String handlerLine = formatted.stream()
                .filter(f -> f.contains("handling thing 77"))
                .findFirst()
                .orElseThrow();
        JsonNode parsed = Json.mapper().readTree(handlerLine);
        assertThat(parsed.get("correlation_id").asText()).isEqualTo("corr-1");
        assertThat(parsed.get("level").asText()).isEqualTo("INFO");
        String accessLine = formatted.stream()
                .filter(f -> f.contains("\"route\"") && f.contains("corr-1"))
                .findFirst()
                .orElseThrow();
        assertThat(Json.mapper().readTree(accessLine).get("route").asText()).isEqualTo("/test/things/{id}");
    }

    @Test
    void metricsCountRequestsAndLatencyPerRouteTemplateAndStatus() {
        for (int i = 0; i < 3; i++) {
            client.get("/test/things/" + i).request().close();
        }
        Eventually.assertThat(Duration.ofSeconds(5), () -> {
            try (Http1ClientResponse res = management
                    .get("/observe/metrics")
                    .header(HeaderNames.ACCEPT, "text/plain")
                    .request()) {
                assertThat(res.status()).isEqualTo(Status.OK_200);
                String text = res.as(String.class);
                assertThat(text)
                        .containsPattern(
                                "http_requests_total\\{method=\"GET\",route=\"/test/things/\\{id}\",[^}]*status=\"200\",} [3-9]")
                        .containsPattern(
                                "http_server_requests_seconds_bucket\\{[^}]*route=\"/test/things/\\{id}\"[^}]*le=\"0.005\"")
                        .doesNotContain("route=\"/test/things/0\"");
            }
        });
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        try (Http1ClientResponse res = client.method(Method.OPTIONS)
                .path("/test/whoami")
                .header(HeaderNames.ORIGIN, "https://console.example")
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization")
                .request()) {
            assertThat(res.status().code()).isEqualTo(200);
            assertThat(res.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN))
                    .contains("https://console.example");
        }
        try (Http1ClientResponse res = client.method(Method.OPTIONS)
                .path("/test/whoami")
                .header(HeaderNames.ORIGIN, "https://evil.example")
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .request()) {
            assertThat(res.status().code()).isEqualTo(403);
            assertThat(res.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN))
                    .isEmpty();
        }
        try (Http1ClientResponse res = client.get("/health")
                .header(HeaderNames.ORIGIN, "https://admin.example")
                .request()) {
            assertThat(res.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN))
                    .contains("https://admin.example");
        }
    }

    @Test
    void healthAndReadyReportVersionTimestampAndChecks() {
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
            JsonNode body = json(res);
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.get("version").asText()).isEqualTo("1.2.3-test");
            assertThat(java.time.Instant.parse(body.get("timestamp").asText())).isNotNull();
            assertThat(body.get("checks").isObject()).isTrue();
        }
        try (Http1ClientResponse res = client.get("/ready").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
            assertThat(json(res).at("/checks/database").asText()).isEqualTo("UP");
        }
        try (Http1ClientResponse res = management.get("/observe/health").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
            assertThat(res.as(String.class)).contains("database").contains("draining");
        }
    }

    @Test
    void openApiDocumentIsServed() {
        try (Http1ClientResponse res = client.get("/openapi")
                .header(HeaderNames.ACCEPT, "application/yaml")
                .request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
            assertThat(res.as(String.class)).contains("openapi: 3.1.0").contains("/ready");
        }
    }

    private Http1ClientResponse get(String path, String token) {
        return client.get(path)
                .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                .request();
    }

    private List<Map<?, ?>> accessLines() {
        return logged.stream()
                .filter(r -> "dev.antigravity.api.access".equals(r.getLoggerName()))
                .<Map<?, ?>>map(r -> (Map<?, ?>) r.getParameters()[0])
                .toList();
    }

    private List<Map<?, ?>> accessLines(String correlationId) {
        return accessLines().stream()
                .filter(f -> correlationId.equals(f.get("correlation_id")))
                .toList();
    }

    private static JsonNode json(Http1ClientResponse res) {
        try {
            return Json.mapper().readTree(res.as(String.class));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
