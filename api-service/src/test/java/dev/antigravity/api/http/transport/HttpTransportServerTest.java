package dev.antigravity.api.http.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.http.auth.LocalTokens;
import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.http.filter.AccessLog;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.LogCapture;
import dev.antigravity.api.testsupport.RawHttp;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1 transport under hostile and sloppy clients, over raw sockets against the production
 * wiring (issue 10, findings 1-4 and 9): a rejected body never lets the server read another request
 * from its connection, slow bodies hold no concurrency slot, client mistakes are 4xx without a
 * SEVERE line, and HTTP/1.0 probes are answered.
 */
@ServerTest
class HttpTransportServerTest {
    private static final int BODY_LIMIT = 1024;
    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(
            DB,
            Map.of(
                    "limits.body", Integer.toString(BODY_LIMIT),
                    "limits.concurrency", "2",
                    "limits.wait", "PT0.05S",
                    "limits.caller", "8",
                    "limits.read.idle", "PT1S"));
    private static final String ADMIN = LocalTokens.mint("transport-admin", Role.ADMIN);
    private static final String CUSTOMER = LocalTokens.mint("transport-customer", Role.CUSTOMER);

    private final int port;
    private LogCapture logs;

    HttpTransportServerTest(WebServer server) {
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

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    /** Client mistakes are never logged as server errors, and at most one warning line is written for them. */
    @AfterEach
    void noSevereLines() {
        try (LogCapture capture = logs) {
            assertThat(capture.atOrAbove(Level.SEVERE)).isEmpty();
            assertThat(capture.atOrAbove(Level.WARNING)).hasSizeLessThanOrEqualTo(1);
        }
    }

    // Finding 1: request smuggling through a chunked body over limits.body.

    @Test
    void aChunkOverTheLimitIs413AndItsDataIsNeverParsedAsARequest() throws Exception {
        String product = "smuggled-" + UUID.randomUUID();
        String smuggled = productRequest(product, ADMIN, "application/json");
        try (RawHttp http = connect()) {
            http.send(chunkedHead("/api/orders", CUSTOMER)
                    + "5\r\n{\"a\":\r\n"
                    + Integer.toHexString(BODY_LIMIT * 4) + "\r\n" + smuggled);
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(http.whatFollows()).isEqualTo("closed");
        }
        assertThat(productNames()).doesNotContain(product);
    }

    @Test
    void manySmallChunksOverTheLimitAre413AndTheRestIsNeverParsed() throws Exception {
        String product = "smuggled-" + UUID.randomUUID();
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < 3 * BODY_LIMIT / 100; i++) {
            chunks.append("64\r\n").append(" ".repeat(100)).append("\r\n");
        }
        try (RawHttp http = connect()) {
            http.send(chunkedHead("/api/orders", CUSTOMER) + chunks + "0\r\n\r\n"
                    + productRequest(product, ADMIN, "application/json"));
            assertThat(http.readResponse().status()).isEqualTo(413);
            assertThat(http.whatFollows()).isEqualTo("closed");
        }
        assertThat(productNames()).doesNotContain(product);
    }

    @Test
    void anInvalidChunkSizeIsAnswered400AtOnceAndTheConnectionCloses() throws Exception {
        try (RawHttp http = connect()) {
            http.send(chunkedHead("/api/orders", CUSTOMER) + "ZZ\r\n{}\r\n0\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(http.whatFollows()).isEqualTo("closed");
        }
    }

    /** Both framings at once (the classic CL.TE smuggling shape): refused, and nothing after it is read. */
    @Test
    void contentLengthWithChunkedIsRefusedAndNothingAfterItIsParsed() throws Exception {
        String product = "smuggled-" + UUID.randomUUID();
        try (RawHttp http = connect()) {
            http.send("POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + CUSTOMER
                    + "\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\n" + productRequest(product, ADMIN, "application/json"));
            assertThat(http.readResponse().status()).isEqualTo(400);
            assertThat(http.whatFollows()).isEqualTo("closed");
        }
        assertThat(productNames()).doesNotContain(product);
    }

    /** "Also": the client writes its whole oversized body before it reads, and still gets the 413. */
    @Test
    void aClientThatSendsAWholeOversizedBodyFirstReadsThe413() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        try (RawHttp http = connect()) {
            http.send("POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + CUSTOMER
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
            http.send(body);
            assertThat(http.readResponse().status()).isEqualTo(413);
            assertThat(http.whatFollows()).isEqualTo("closed");
        }
    }

    // Finding 2: slow bodies.

    @Test
    void slowBodiesHoldNoSlotAndAnIdleBodyIsCutOff() throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                RawHttp http = connect();
                slow.add(http);
                http.send("POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + CUSTOMER
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
            }
            for (int i = 0; i < 5; i++) {
                try (RawHttp reader = connect()) {
                    reader.send("GET /api/products HTTP/1.1\r\nHost: x\r\n\r\n");
                    RawHttp.Response response = reader.readResponse();
                    assertThat(response.status())
                            .as("read %d beside 4 slow bodies: %s", i, response.body())
                            .isEqualTo(200);
                }
            }
            // limits.read.idle is 1 s: a body that stops arriving loses its connection soon after.
            for (RawHttp http : slow) {
                assertThat(http.whatFollows()).isIn("closed", "reset");
            }
        } finally {
            for (RawHttp http : slow) {
                http.close();
            }
        }
    }

    // Finding 3: client mistakes are 4xx, never 500 or SEVERE.

    @Test
    void jsonSubtypesAre415AndJsonIsReadInAnyCase() throws Exception {
        for (String type :
                List.of("application/problem+json", "application/merge-patch+json", "application/vnd.x+json")) {
            try (RawHttp http = connect()) {
                http.send(productRequest("typed-" + UUID.randomUUID(), ADMIN, type));
                RawHttp.Response response = http.readResponse();
                assertThat(response.status()).as(type).isEqualTo(415);
                assertThat(response.body()).as(type).contains("/problems/unsupported-media-type");
            }
        }
        for (String type :
                List.of("APPLICATION/JSON", "application/json; charset=UTF-8", "Application/Json;charset=\"utf-8\"")) {
            try (RawHttp http = connect()) {
                http.send(productRequest("typed-" + UUID.randomUUID(), ADMIN, type));
                assertThat(http.readResponse().status()).as(type).isEqualTo(201);
            }
        }
    }

    @Test
    void malformedOrForeignContentTypesAre4xx() throws Exception {
        for (String type : List.of(
                "application/json; boundary=\"",
                "application/json; charset=\"",
                "text/plain",
                "application/json; charset=latin1",
                "/",
                ";")) {
            try (RawHttp http = connect()) {
                http.send(productRequest("typed-" + UUID.randomUUID(), ADMIN, type));
                assertThat(http.readResponse().status()).as(type).isBetween(400, 499);
            }
        }
    }

    @Test
    void anAbortedUploadIsNeitherA5xxNorSevere() throws Exception {
        String correlationId = "aborted-" + UUID.randomUUID();
        try (RawHttp http = connect()) {
            http.send("POST /api/orders HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + correlationId
                    + "\r\nAuthorization: Bearer " + CUSTOMER
                    + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"lines\":");
            http.shutdownOutput();
            assertThat(http.whatFollows()).isIn("closed", "reset");
        }
        Eventually.assertThat(
                Duration.ofSeconds(5),
                () -> assertThat(accessStatuses(correlationId))
                        .singleElement()
                        .satisfies(status -> assertThat(status).isBetween(400, 499)));
    }

    // Finding 4: content negotiation and encodings.

    @Test
    void anAcceptWithoutJsonIs406WithoutInternalNames() throws Exception {
        try (RawHttp http = connect()) {
            http.send("GET /api/products HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n");
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(406);
            assertThat(response.body()).doesNotContain("dev.antigravity").doesNotContain("class");
        }
        try (RawHttp http = connect()) {
            http.send("GET /api/products HTTP/1.1\r\nHost: x\r\nAccept: application/json;q=0, text/html\r\n\r\n");
            assertThat(http.readResponse().status()).isEqualTo(406);
        }
        try (RawHttp http = connect()) {
            http.send("GET /api/products HTTP/1.1\r\nHost: x\r\nAccept: APPLICATION/JSON\r\n\r\n");
            assertThat(http.readResponse().status()).isEqualTo(200);
        }
    }

    @Test
    void healthAndReadinessAnswerWhateverTheAccept() throws Exception {
        for (String path : List.of("/health", "/ready")) {
            for (String accept : List.of("text/plain", "text/html", "application/xml", "*/*")) {
                try (RawHttp http = connect()) {
                    http.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept: " + accept + "\r\n\r\n");
                    RawHttp.Response response = http.readResponse();
                    assertThat(response.status()).as(path + " " + accept).isEqualTo(200);
                    assertThat(response.body()).contains("\"status\":\"UP\"");
                }
            }
        }
    }

    @Test
    void invalidUtf8InAJsonBodyIs400() throws Exception {
        byte[] body = "{\"name\":\"caf\u00ff\u00fe\",\"price\":1.0,\"stock\":1}".getBytes(StandardCharsets.ISO_8859_1);
        try (RawHttp http = connect()) {
            http.send("POST /api/products HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
            http.send(body);
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(400);
        }
        assertThat(productNames()).noneMatch(name -> name.startsWith("caf"));
    }

    // Finding 9: HTTP/1.0.

    @Test
    void http10RequestsAreAnsweredAndTheConnectionThenCloses() throws Exception {
        for (String request : List.of(
                "GET /health HTTP/1.0\r\n\r\n",
                "GET /ready HTTP/1.0\r\nHost: x\r\n\r\n",
                "GET /api/products HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")) {
            try (RawHttp http = connect()) {
                http.send(request);
                RawHttp.Response response = http.readResponse();
                assertThat(response.status()).as(request).isEqualTo(200);
                assertThat(response.header("Connection")).as(request).isEqualTo("close");
                assertThat(http.whatFollows()).as(request).isEqualTo("closed");
            }
        }
    }

    private RawHttp connect() throws IOException {
        return RawHttp.connect(port, Duration.ofSeconds(5));
    }

    private static String chunkedHead(String path, String token) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private static String productRequest(String name, String token, String contentType) {
        String body = "{\"name\":\"" + name + "\",\"price\":1.0,\"stock\":1}";
        return "POST /api/products HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private List<String> productNames() throws IOException {
        try (RawHttp http = connect()) {
            http.send("GET /api/products?size=100 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN + "\r\n\r\n");
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            dev.antigravity.api.config.Json.mapper()
                    .readTree(response.body())
                    .path("items")
                    .forEach(item -> names.add(item.path("name").asText()));
            return names;
        }
    }

    private List<Integer> accessStatuses(String correlationId) {
        return logs.records().stream()
                .filter(r -> AccessLog.LOGGER_NAME.equals(r.getLoggerName()))
                .map(r -> (Map<?, ?>) r.getParameters()[0])
                .filter(fields -> correlationId.equals(fields.get("correlation_id")))
                .map(fields -> (Integer) fields.get("status"))
                .toList();
    }
}
