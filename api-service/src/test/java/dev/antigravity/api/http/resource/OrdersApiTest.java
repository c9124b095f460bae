package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.testing.junit5.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ServerTest
class OrdersApiTest extends H2ServerTest {

    private final Http1Client client;

    OrdersApiTest(Http1Client client) {
        super(client);
        this.client = client;
    }

    private Api.Reply order(Caller customer, String body, String key) {
        return api.call("POST", "/api/orders", customer, body, Map.of("Idempotency-Key", key));
    }

    private int stock(long productId) {
        return api.get("/api/products/" + productId, Caller.ANONYMOUS)
                .json()
                .get("stock")
                .asInt();
    }

    @Test
    void aRetriedPostWithTheSameKeyReturnsTheFirstResponse() {
        long product = world().newProduct(10);
        String key = UUID.randomUUID().toString();
        String body = World.orderBody(product, 3);

        Api.Reply first = order(world().owner, body, key);
        Api.Reply retry = order(world().owner, body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stock(product)).isEqualTo(7);

        Api.Reply otherBody = order(world().owner, World.orderBody(product, 4), key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.isProblem()).isTrue();
        assertThat(stock(product)).isEqualTo(7);
    }

    @Test
    void insufficientStockIsAConflictNamingTheProductAndOrdersNothing() {
        long plenty = world().newProduct(50);
        long scarce = world().newProduct(1);
        String body = Api.json(Map.of(
                "lines",
                List.of(Map.of("productId", plenty, "quantity", 5), Map.of("productId", scarce, "quantity", 2))));
        int ordersBefore =
                api.get("/api/orders", world().other).json().get("totalItems").asInt();

        Api.Reply reply = api.post("/api/orders", world().other, body);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("detail").asText()).contains("Product " + scarce);
        assertThat(reply.json().get("errors").findValuesAsText("field")).containsExactly("lines[1].quantity");
        assertThat(stock(plenty)).isEqualTo(50);
        assertThat(stock(scarce)).isEqualTo(1);
        assertThat(api.get("/api/orders", world().other)
                        .json()
                        .get("totalItems")
                        .asInt())
                .isEqualTo(ordersBefore);
    }

    @Test
    void lifeCycleThroughPatchWithStockReleasedOnCancel() {
        long product = world().newProduct(5);
        long id = Api.id(api.post("/api/orders", world().owner, World.orderBody(product, 2)))
                .orElseThrow();
        String path = "/api/orders/" + id;

        assertThat(api.patch(path, world().owner, "{\"status\":\"SHIPPED\"}").status())
                .isEqualTo(403);
        assertThat(api.patch(path, world().admin, World.PAID_BY_ADMIN)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("PAID");
        Api.Reply again = api.patch(path, world().admin, World.PAID_BY_ADMIN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("PAID");
        assertThat(api.patch(path, world().admin, "{\"status\":\"CANCELLED\"}")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
        assertThat(stock(product)).isEqualTo(5);
        assertThat(api.patch(path, world().admin, "{\"status\":\"SHIPPED\"}").status())
                .isEqualTo(409);
        assertThat(api.get(path, world().owner).json().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void listsAreScopedAndFilterable() {
        long mine = world().newOrder(world().owner);
        long theirs = world().newOrder(world().other);

        JsonNode own = api.get("/api/orders?size=100", world().owner).json();
        assertThat(own.get("items").findValuesAsText("customer"))
                .containsOnly(world().owner.subject().orElseThrow());
        assertThat(own.get("items").findValuesAsText("id"))
                .contains(Long.toString(mine))
                .doesNotContain(Long.toString(theirs));

        JsonNode all =
                api.get("/api/orders?status=PENDING&size=100", world().admin).json();
        assertThat(all.get("items").findValuesAsText("id")).contains(Long.toString(mine), Long.toString(theirs));
        assertThat(all.get("items").findValuesAsText("status")).containsOnly("PENDING");
        assertThat(api.get("/api/orders/" + theirs, world().owner).status()).isEqualTo(404);
    }

    @Test
    void businessCountersMoveWithOrders() {
        Counter created = Metrics.globalRegistry().getOrCreate(Counter.builder("orders.created"));
        Counter revenue = Metrics.globalRegistry().getOrCreate(Counter.builder("orders.revenue.cents"));
        long createdBefore = created.count();
        long revenueBefore = revenue.count();
        long product = world().newProduct(5);

        long id = Api.id(api.post("/api/orders", world().owner, World.orderBody(product, 2)))
                .orElseThrow();
        api.patch("/api/orders/" + id, world().admin, World.PAID_BY_ADMIN);

        assertThat(created.count() - createdBefore).isGreaterThanOrEqualTo(1);
        // 2 x 2.50 = 5.00, i.e. 500 cents (other tests may add more concurrently, never less).
        assertThat(revenue.count() - revenueBefore).isGreaterThanOrEqualTo(500);
    }

    /** Found by hand: with two Idempotency-Key headers the first was used silently. */
    @Test
    void twoIdempotencyKeysAreRefusedAndOrderNothing() {
        long product = world().newProduct(10);
        try (var response = client.post("/api/orders")
                .header(
                        io.helidon.http.HeaderNames.AUTHORIZATION,
                        world().owner.bearer().orElseThrow())
                .header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json")
                .header(io.helidon.http.HeaderValues.create("Idempotency-Key", "first-key", "second-key"))
                .submit(World.orderBody(product, 1))) {
            assertThat(response.status().code()).isEqualTo(400);
            assertThat(response.as(String.class)).contains("Idempotency-Key", "must be given once");
        }
        assertThat(stock(product)).isEqualTo(10);
    }
}
