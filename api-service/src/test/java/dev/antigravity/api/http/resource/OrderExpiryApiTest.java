package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.service.DomainServices;
import dev.antigravity.api.service.MutableClock;
import dev.antigravity.api.service.OrderRules;
import dev.antigravity.api.service.Races;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.metrics.api.Metrics;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stock hoarding (issue 10, finding 6): unpaid orders used to hold their stock forever. Now a
 * PENDING order expires after {@code orders.expiry} and gives its stock back exactly once, also
 * when a cancellation or another task's sweep races it; one order may reserve at most
 * {@code orders.quantity.max} units. Through the real server on PostgreSQL, with a clock the test moves.
 */
@ExtendWith(TestDatabases.PostgresRequired.class)
@ServerTest
class OrderExpiryApiTest {
    private static final Database DATABASE = TestDatabases.postgres();
    private static final Duration EXPIRY = Duration.ofMinutes(30);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static final int MAX_QUANTITY = 50;

    private final Api api;
    private final World world;

    OrderExpiryApiTest(Http1Client client) {
        this.api = new Api(client);
        this.world = new World(api);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(
                server,
                TestApps.create(
                        DATABASE,
                        Map.of(
                                "limits.wait",
                                "PT30S",
                                "orders.expiry",
                                EXPIRY.toString(),
                                "orders.sweep",
                                "PT0.1S",
                                "orders.quantity.max",
                                Integer.toString(MAX_QUANTITY)),
                        CLOCK));
    }

    @AfterAll
    static void closeDatabase() {
        DATABASE.close();
    }

    @Test
    void anUnpaidOrderExpiresAndGivesItsStockBackOnce() {
        long product = world.newProduct(10);
        long order = Api.id(api.post("/api/orders", world.owner, World.orderBody(product, 3)))
                .orElseThrow();
        long paid = Api.id(api.post("/api/orders", world.owner, World.orderBody(product, 2)))
                .orElseThrow();
        assertThat(api.patch("/api/orders/" + paid, world.admin, World.PAID_BY_ADMIN)
                        .status())
                .isEqualTo(200);
        assertThat(stock(product)).isEqualTo(5);

        CLOCK.advance(EXPIRY.minusSeconds(1));
        sleep(Duration.ofMillis(500));
        assertThat(status(order)).isEqualTo("PENDING");

        CLOCK.advance(Duration.ofSeconds(2));
        Eventually.assertThat(
                Duration.ofSeconds(10), () -> assertThat(status(order)).isEqualTo("EXPIRED"));
        assertThat(stock(product)).isEqualTo(8);
        assertThat(status(paid)).isEqualTo("PAID");

        Api.Reply late = api.patch("/api/orders/" + order, world.admin, World.PAID_BY_ADMIN);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        sleep(Duration.ofMillis(500));
        assertThat(stock(product)).isEqualTo(8);

        JsonNode audit =
                api.get("/api/admin/audit?size=100", world.admin).json().get("items");
        List<JsonNode> expiries = new ArrayList<>();
        audit.forEach(entry -> {
            if (entry.get("entityId").asText().equals(Long.toString(order))) {
                expiries.add(entry);
            }
        });
        assertThat(expiries).hasSize(1);
        assertThat(expiries.getFirst().get("actor").asText()).isEqualTo("system:order-expiry");
        assertThat(expiries.getFirst().get("details").asText()).contains("\"to\":\"EXPIRED\"", "\"role\":\"system\"");
    }

    /**
     * Each order is cancelled by its owner through the server while two other "tasks" sweep
     * expired orders, all released together: every order ends CANCELLED or EXPIRED, and the stock
     * comes back exactly once per order.
     */
    @Test
    void concurrentExpiryAndCancelReleaseStockExactlyOnce() throws Exception {
        int initial = 1000;
        long product = world.newProduct(initial);
        int orderCount = 12;
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            orders.add(Api.id(api.post("/api/orders", world.owner, World.orderBody(product, 1 + i % 4)))
                    .orElseThrow());
        }
        assertThat(stock(product)).isLessThan(initial);
        DomainServices otherTask = DomainServices.create(
                DATABASE.dbClient(), CLOCK, Metrics.globalRegistry(), new OrderRules(EXPIRY, MAX_QUANTITY));

        CLOCK.advance(EXPIRY.plusMinutes(1));
        List<Callable<Object>> work = new ArrayList<>();
        for (long id : orders) {
            work.add(() -> api.patch("/api/orders/" + id, world.owner, "{\"status\":\"CANCELLED\"}"));
        }
        work.add(() -> otherTask.orders().expireUnpaid("race-sweep-1"));
        work.add(() -> otherTask.orders().expireUnpaid("race-sweep-2"));
        List<Object> results = Races.race(work.size(), work::get);

        for (Object result : results) {
            if (result instanceof Api.Reply reply) {
                assertThat(reply.status()).as(reply.toString()).isIn(200, 409);
            }
        }
        Eventually.assertThat(Duration.ofSeconds(10), () -> {
            for (long id : orders) {
                assertThat(status(id)).isIn("CANCELLED", "EXPIRED");
            }
        });
        sleep(Duration.ofMillis(300));
        assertThat(stock(product)).isEqualTo(initial);
    }

    @Test
    void oneOrderReservesAtMostTheConfiguredQuantity() {
        long product = world.newProduct(10_000);

        Api.Reply oneLine = api.post("/api/orders", world.other, World.orderBody(product, MAX_QUANTITY + 1));
        long second = world.newProduct(10_000);
        Api.Reply split = api.post(
                "/api/orders",
                world.other,
                Api.json(Map.of(
                        "lines",
                        List.of(
                                Map.of("productId", product, "quantity", MAX_QUANTITY),
                                Map.of("productId", second, "quantity", 1)))));

        assertThat(oneLine.status()).as(oneLine.toString()).isEqualTo(400);
        assertThat(oneLine.json().get("errors").findValuesAsText("field")).contains("lines[0].quantity");
        assertThat(split.status()).as(split.toString()).isEqualTo(400);
        assertThat(split.json().get("errors").findValuesAsText("field")).containsExactly("lines");
        assertThat(stock(product)).isEqualTo(10_000);
        assertThat(api.post("/api/orders", world.other, World.orderBody(product, MAX_QUANTITY))
                        .status())
                .isEqualTo(201);
    }

    private int stock(long productId) {
        return api.get("/api/products/" + productId, Caller.ANONYMOUS)
                .json()
                .get("stock")
                .asInt();
    }

    private String status(long order) {
        return api.get("/api/orders/" + order, world.admin).json().get("status").asText();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
