package dev.antigravity.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.AppContext;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi.yaml matches the real routes in both directions: every route the wiring registers is
 * documented, and every documented operation is served by the running server.
 */
@ServerTest
class OpenApiRoutesTest {
    /**
     * Served by Helidon features rather than routes; existence is checked against the server.
     * /observe/* is on the management port, which this document does not describe.
     */
    private static final Set<String> FEATURE_ROUTES = Set.of("GET /openapi");

    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(DB);

    private final Http1Client client;

    OpenApiRoutesTest(Http1Client client) {
        this.client = client;
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
    void everyRegisteredRouteIsDocumentedAndNothingElse() {
        Set<String> registered = RouteTable.record(ApiServer.routes(APP)).operations();
        Set<String> documented = new TreeSet<>(documentedOperations());
        documented.removeAll(FEATURE_ROUTES);
        assertThat(registered)
                .as("registered routes (left) vs openapi.yaml (right)")
                .isEqualTo(documented);
    }

    @Test
    void everyDocumentedOperationIsServed() {
        for (String operation : documentedOperations()) {
            String[] parts = operation.split(" ", 2);
            String path = parts[1].replaceAll("\\{[^}]+}", "1");
            // A documented operation that is not served answers 405 (path known) or 404 no-such-route.
            try (Http1ClientResponse res = client.method(Method.create(parts[0]))
                    .path(path)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .submit("{}")) {
                assertThat(res.status().code()).as(operation).isNotEqualTo(405);
                if (res.status().code() == 404) {
                    JsonNode problem = read(res);
                    assertThat(problem.path("type").asText()).as(operation).doesNotEndWith("/no-such-route");
                }
            }
        }
    }

    @Test
    void theRecorderSeesNestedPrefixesAndPathParameters() {
        RouteTable table = RouteTable.record(routing -> routing.register(
                "/things",
                rules -> rules.get("/", (req, res) -> res.send()).patch("/{id:\\d+}", (req, res) -> res.send())));
        assertThat(table.operations()).containsExactlyInAnyOrder("GET /things", "PATCH /things/{id}");
        assertThat(table.methodsFor("/things/12")).containsExactly("PATCH");
        assertThat(table.methodsFor("/things/")).containsExactly("GET");
        assertThat(table.methodsFor("/things/12/more")).isEmpty();
        assertThat(table.methodsFor("/other")).isEmpty();
        RouteTable users = RouteTable.record(routing -> routing.register(
                "/users", rules -> rules.get("/{id}", (req, res) -> res.send()).get("/me", (req, res) -> res.send())));
        assertThat(users.templateFor("/users/me")).contains("/users/me");
        assertThat(users.templateFor("/users/42")).contains("/users/{id}");
        assertThat(users.templateFor("/nope")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedOperations() {
        try (InputStream in = OpenApiRoutesTest.class.getResourceAsStream("/openapi.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            assertThat(doc.get("openapi")).isEqualTo("3.1.0");
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            Set<String> operations = new TreeSet<>();
            paths.forEach((path, item) -> item.keySet().stream()
                    .filter(VERBS::contains)
                    .forEach(verb -> operations.add(verb.toUpperCase(Locale.ROOT) + " " + path)));
            return operations;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(Http1ClientResponse res) {
        try {
            return Json.mapper().readTree(res.as(String.class));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
