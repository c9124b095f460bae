package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi.yaml and the /api routes agree: the operations documented are exactly those the auth
 * matrix calls through the server, and every status the matrix observes is documented.
 */
class OpenApiDomainTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> apiPaths() throws Exception {
        try (InputStream in = OpenApiDomainTest.class.getResourceAsStream("/openapi.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            return paths.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("/api/"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    @Test
    void documentedOperationsAreExactlyTheServedOnes() throws Exception {
        Set<String> documented = new TreeSet<>();
        apiPaths()
                .forEach((path, operations) -> operations.keySet().stream()
                        .filter(METHODS::contains)
                        .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));

        Set<String> served = AuthMatrixTest.ROUTES.stream()
                .map(AuthMatrixTest.Route::name)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).isEqualTo(served);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStatusTheServerAnswersIsDocumented() throws Exception {
        Map<String, Map<String, Object>> paths = apiPaths();
        for (AuthMatrixTest.Route route : AuthMatrixTest.ROUTES) {
            String[] methodAndPath = route.name().split(" ", 2);
            Map<String, Object> operation =
                    (Map<String, Object>) paths.get(methodAndPath[1]).get(methodAndPath[0].toLowerCase(Locale.ROOT));
            Set<String> documented = ((Map<String, Object>) operation.get("responses")).keySet();
            for (int status : route.expected()) {
                assertThat(documented).as(route.name()).contains(Integer.toString(status));
            }
        }
    }

    /**
     * The server and the platform's filters answer on every route before a handler runs: an
     * invalid token (also on public routes), a request line over the limit, the rate limit, the
     * concurrency limit and, for bodies, the size limit.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsWhatTheFiltersAnswer() throws Exception {
        apiPaths()
                .forEach((path, operations) -> operations.forEach((method, value) -> {
                    if (!METHODS.contains(method)) {
                        return;
                    }
                    Map<String, Object> operation = (Map<String, Object>) value;
                    Set<String> documented = ((Map<String, Object>) operation.get("responses")).keySet();
                    assertThat(documented).as(method + " " + path).contains("401", "414", "429", "503");
                    if (operation.containsKey("requestBody")) {
                        assertThat(documented).as(method + " " + path).contains("413");
                    }
                }));
    }
}
