package dev.antigravity.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.AppContext;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every bad-input class the platform layer owns gets a 4xx problem+json and the server keeps serving. */
@ServerTest
class ProblemJsonServerTest {
    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(DB, Map.of("limits.body", "2048"));

    private final Http1Client client;

    ProblemJsonServerTest(Http1Client client) {
        this.client = client;
    }

    /** A JSON-consuming route that exists only in this test. */
    record Item(String sku, int quantity) {}

    record Sample(String name, int count, boolean flag, List<Item> items) {}

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP).routing(routing -> {
            ApiServer.routing(routing, APP);
            routing.post("/test/echo", (req, res) -> res.send(req.content().as(Sample.class)));
        });
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void wellFormedJsonIsEchoed() {
        try (Http1ClientResponse res =
                post("{\"name\":\"a\",\"count\":2,\"flag\":true,\"items\":[{\"sku\":\"x\",\"quantity\":1}]}")) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
            assertThat(res.as(String.class)).contains("\"count\":2");
        }
    }

    @Test
    void malformedJsonIs400() {
        JsonNode problem = expectProblem(post("{\"name\": \"a\", "), 400);
        assertThat(problem.get("detail").asText()).contains("not well-formed JSON");
    }

    @Test
    void emptyBodyIs400() {
        JsonNode problem = expectProblem(post(""), 400);
        assertThat(problem.get("detail").asText()).contains("empty");
    }

    @Test
    void unknownFieldNamesTheField() {
        JsonNode problem =
                expectProblem(post("{\"name\":\"a\",\"count\":1,\"flag\":true,\"items\":[],\"admin\":true}"), 400);
        assertThat(fieldError(problem, "admin")).contains("unknown field");
    }

    @Test
    void wrongTypesNameTheFieldIncludingNestedOnes() {
        JsonNode problem = expectProblem(post("{\"name\":\"a\",\"count\":\"5\",\"flag\":true,\"items\":[]}"), 400);
        assertThat(fieldError(problem, "count")).isEqualTo("expected an integer");

        problem = expectProblem(
                post("{\"name\":\"a\",\"count\":1,\"flag\":true,\"items\":[{\"sku\":\"x\",\"quantity\":1.5}]}"), 400);
        assertThat(fieldError(problem, "items[0].quantity")).isEqualTo("expected an integer");

        problem = expectProblem(post("{\"name\":7,\"count\":1,\"flag\":true,\"items\":[]}"), 400);
        assertThat(fieldError(problem, "name")).isEqualTo("expected a string");

        problem = expectProblem(post("{\"name\":\"a\",\"count\":1,\"flag\":1,\"items\":[]}"), 400);
        assertThat(fieldError(problem, "flag")).isEqualTo("expected true or false");
    }

    @Test
    void duplicateKeysAndTrailingGarbageAreRejected() {
        expectProblem(post("{\"name\":\"a\",\"name\":\"b\",\"count\":1,\"flag\":true,\"items\":[]}"), 400);
        expectProblem(post("{\"name\":\"a\",\"count\":1,\"flag\":true,\"items\":[]} {}"), 400);
    }

    @Test
    void oversizedBodyIs413ProblemAndTheServerKeepsServing() {
        String big = "{\"name\":\"" + "x".repeat(4096) + "\",\"count\":1,\"flag\":true,\"items\":[]}";
        JsonNode problem = expectProblem(post(big), 413);
        assertThat(problem.get("detail").asText()).contains("2048 bytes");
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
    }

    @Test
    void oversizedChunkedBodyWithoutContentLengthIs413Too() {
        Http1ClientResponse res = client.post("/test/echo")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .outputStream(out -> {
                    out.write(("{\"name\":\"" + "x".repeat(8192) + "\"}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.close();
                });
        expectProblem(res, 413);
    }

    @Test
    void unknownPathIs404AndUnsupportedMethodOnAKnownPathIs405WithAllow() {
        JsonNode problem = expectProblem(client.get("/no/such/path").request(), 404);
        assertThat(problem.get("detail").asText()).isEqualTo("No route for GET /no/such/path.");
        assertThat(problem.get("type").asText()).endsWith("/no-such-route");
        try (Http1ClientResponse res = client.delete("/health").request()) {
            assertThat(res.headers().first(HeaderNames.ALLOW)).contains("GET");
            assertThat(expectProblem(res, 405).get("detail").asText()).contains("DELETE");
        }
    }

    @Test
    void problemsCarryTheCorrelationIdOfTheRequest() {
        try (Http1ClientResponse res = client.get("/no/such/path")
                .header(HeaderNames.create("X-Request-Id"), "abc-123")
                .request()) {
            assertThat(res.headers().first(HeaderNames.create("X-Request-Id"))).contains("abc-123");
            JsonNode problem = read(res);
            assertThat(problem.get("correlationId").asText()).isEqualTo("abc-123");
            assertThat(problem.get("instance").asText()).isEqualTo("/no/such/path");
        }
    }

    private Http1ClientResponse post(String body) {
        return client.post("/test/echo")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body);
    }

    private static JsonNode expectProblem(Http1ClientResponse response, int status) {
        try (response) {
            assertThat(response.status().code()).isEqualTo(status);
            assertThat(response.headers().contentType().map(Object::toString).orElse(""))
                    .startsWith("application/problem+json");
            JsonNode problem = read(response);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("type").asText()).startsWith("https://antigravity.dev/problems/");
            assertThat(problem.get("title").asText()).isNotBlank();
            return problem;
        }
    }

    private static JsonNode read(Http1ClientResponse response) {
        try {
            return Json.mapper().readTree(response.as(String.class));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String fieldError(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no error for field " + field + " in " + problem);
    }
}
