package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.testing.junit5.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every /api route against every kind of caller. A customer asking for another customer's
 * order or user record gets 404, not 403, so ids of others cannot be probed.
 */
@ServerTest
class AuthMatrixTest extends H2ServerTest {

    /** Status per caller, in the order anonymous, customer (owner), other customer, admin. */
    record Route(String name, List<Integer> expected, BiFunction<World, Caller, Api.Reply> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET /api/products", List.of(200, 200, 200, 200), (w, c) -> w.api.get("/api/products", c)),
            new Route(
                    "GET /api/products/{id}",
                    List.of(200, 200, 200, 200),
                    (w, c) -> w.api.get("/api/products/" + w.productId, c)),
            new Route(
                    "POST /api/products",
                    List.of(401, 403, 403, 201),
                    (w, c) -> w.api.post("/api/products", c, Api.json(Map.of("name", "New", "price", 1, "stock", 1)))),
            new Route(
                    "PUT /api/products/{id}",
                    List.of(401, 403, 403, 200),
                    (w, c) -> w.api.put(
                            "/api/products/" + w.newProduct(5),
                            c,
                            Api.json(Map.of("name", "Renamed", "price", 3, "stock", 5)))),
            new Route(
                    "DELETE /api/products/{id}",
                    List.of(401, 403, 403, 204),
                    (w, c) -> w.api.delete("/api/products/" + w.newProduct(5), c)),
            new Route(
                    "POST /api/users",
                    List.of(401, 403, 403, 201),
                    (w, c) -> w.api.post(
                            "/api/users",
                            c,
                            Api.json(Map.of("email", World.uniqueEmail(), "name", "N", "role", "CUSTOMER")))),
            new Route("GET /api/users", List.of(401, 403, 403, 200), (w, c) -> w.api.get("/api/users", c)),
            new Route("GET /api/users/me", List.of(401, 200, 404, 200), (w, c) -> w.api.get("/api/users/me", c)),
            new Route(
                    "GET /api/users/{id}",
                    List.of(401, 200, 404, 200),
                    (w, c) -> w.api.get("/api/users/" + w.ownerUserId, c)),
            new Route(
                    "POST /api/orders",
                    List.of(401, 201, 201, 403),
                    (w, c) -> w.api.post("/api/orders", c, World.orderBody(w.productId, 1))),
            new Route("GET /api/orders", List.of(401, 200, 200, 200), (w, c) -> w.api.get("/api/orders", c)),
            new Route(
                    "GET /api/orders/{id}",
                    List.of(401, 200, 404, 200),
                    (w, c) -> w.api.get("/api/orders/" + w.ownersOrderId, c)),
            new Route(
                    "PATCH /api/orders/{id}",
                    List.of(401, 200, 404, 200),
                    (w, c) -> w.api.patch("/api/orders/" + w.newOrder(w.owner), c, "{\"status\":\"CANCELLED\"}")),
            new Route(
                    "GET /api/orders/{id}/payment",
                    List.of(401, 200, 404, 200),
                    (w, c) -> w.api.get("/api/orders/" + w.ownersOrderId + "/payment", c)),
            // The provider calls it: tokens play no part, an unsigned event is refused for everyone.
            new Route(
                    "POST /api/payments/webhook",
                    List.of(400, 400, 400, 400),
                    (w, c) -> w.api.post("/api/payments/webhook", c, "{\"id\":\"evt_unsigned\"}")),
            new Route("GET /api/admin/audit", List.of(401, 403, 403, 200), (w, c) -> w.api.get("/api/admin/audit", c)),
            new Route(
                    "GET /api/admin/stats/orders",
                    List.of(401, 403, 403, 200),
                    (w, c) -> w.api.get("/api/admin/stats/orders", c)),
            new Route(
                    "GET /api/admin/analytics",
                    List.of(401, 403, 403, 200),
                    (w, c) -> w.api.get("/api/admin/analytics", c)));

    private static final List<String> CALLERS = List.of("anonymous", "customer", "other customer", "admin");

    AuthMatrixTest(Http1Client client) {
        super(client);
    }

    static Stream<Arguments> matrix() {
        return ROUTES.stream()
                .flatMap(route -> java.util.stream.IntStream.range(0, CALLERS.size())
                        .mapToObj(i -> Arguments.of(
                                route, CALLERS.get(i), route.expected().get(i))));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void everyRouteAnswersEveryCallerAsSpecified(Route route, String who, int expected) {
        Api.Reply reply = route.call().apply(world(), world().caller(who));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.isProblem()).as("problem+json: " + reply.headers()).isTrue();
            assertThat(reply.json().get("status").asInt()).isEqualTo(expected);
        }
    }
}
