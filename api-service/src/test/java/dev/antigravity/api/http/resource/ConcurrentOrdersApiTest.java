package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.service.Races;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Racing POST /api/orders through the real server on PostgreSQL. */
@ExtendWith(TestDatabases.PostgresRequired.class)
@ServerTest
class ConcurrentOrdersApiTest {
    private static final Database DATABASE = TestDatabases.postgres();

    private final Api api;
    private final World world;

    ConcurrentOrdersApiTest(Http1Client client) {
        this.api = new Api(client);
        this.world = new World(api);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, DATABASE);
    }

    @AfterAll
    static void closeDatabase() {
        DATABASE.close();
    }

    @Test
    void sixteenConcurrentDuplicatesWithOneKeyCreateOneOrder() throws Exception {
        long product = world.newProduct(100);
        String key = UUID.randomUUID().toString();
        Caller customer = Caller.customer("racer");
        String body = World.orderBody(product, 3);

        List<Api.Reply> replies = Races.race(
                Races.THREADS,
                i -> () -> api.call("POST", "/api/orders", customer, body, Map.of("Idempotency-Key", key)));

        assertThat(replies).extracting(Api.Reply::status).containsOnly(201);
        assertThat(replies)
                .extracting(Api.Reply::body)
                .containsOnly(replies.getFirst().body());
        assertThat(replies)
                .filteredOn(r -> r.header("Idempotent-Replayed") == null)
                .hasSize(1);
        assertThat(api.get("/api/orders", customer).json().get("totalItems").asLong())
                .isEqualTo(1);
        assertThat(stock(product)).isEqualTo(97);
    }

    @Test
    void competingOrdersNeverDriveStockNegative() throws Exception {
        int initial = 20;
        long product = world.newProduct(initial);
        int attempts = 40;

        List<Api.Reply> replies = Races.race(
                attempts,
                i -> () -> api.post("/api/orders", Caller.customer("buyer"), World.orderBody(product, 1 + i % 3)));

        int sold = 0;
        for (Api.Reply reply : replies) {
            if (reply.status() == 201) {
                JsonNode line = reply.json().get("lines").get(0);
                sold += line.get("quantity").asInt();
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                assertThat(reply.isProblem()).isTrue();
            }
        }
        assertThat(replies).extracting(Api.Reply::status).contains(201, 409);
        assertThat(stock(product)).isEqualTo(initial - sold).isGreaterThanOrEqualTo(0);
    }

    private int stock(long product) {
        return api.get("/api/products/" + product, Caller.ANONYMOUS)
                .json()
                .get("stock")
                .asInt();
    }
}
