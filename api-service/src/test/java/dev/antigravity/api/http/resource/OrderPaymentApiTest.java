package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may mark an order paid (issue 10, finding 5): a customer who PATCHed their own order to
 * PAID raised the revenue in the stats and the public metric without paying. Only an
 * administrator giving a reason may (payments come later), and every status change is audited
 * with the actor who made it. Through the real server on PostgreSQL.
 */
@ExtendWith(TestDatabases.PostgresRequired.class)
@ServerTest
class OrderPaymentApiTest {
    private static final Database DATABASE = TestDatabases.postgres();
    private static final Counter REVENUE =
            Metrics.globalRegistry().getOrCreate(Counter.builder("orders.revenue.cents"));

    private final Api api;
    private final World world;

    OrderPaymentApiTest(Http1Client client) {
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
    void aCustomerCannotMarkTheirOwnOrderPaidNorInflateRevenue() {
        long order = world.newOrder(world.owner);
        long revenueBefore = REVENUE.count();
        BigDecimal statsBefore = revenueToday();

        Api.Reply reply = api.patch("/api/orders/" + order, world.owner, "{\"status\":\"PAID\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.isProblem()).isTrue();
        assertThat(status(order)).isEqualTo("PENDING");
        assertThat(REVENUE.count()).isEqualTo(revenueBefore);
        assertThat(revenueToday()).isEqualByComparingTo(statsBefore);
    }

    @Test
    void anAdministratorMarksPaidOnlyWithAReasonAndIsAudited() {
        long order = world.newOrder(world.owner);
        long revenueBefore = REVENUE.count();

        Api.Reply noReason = api.patch("/api/orders/" + order, world.admin, "{\"status\":\"PAID\"}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsText("field")).containsExactly("reason");
        assertThat(status(order)).isEqualTo("PENDING");

        Api.Reply paid = api.patch(
                "/api/orders/" + order,
                world.admin,
                "{\"status\":\"PAID\",\"reason\":\"bank transfer 4711 received\"}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(REVENUE.count() - revenueBefore).isEqualTo(250);

        JsonNode entry = latestAudit();
        assertThat(entry.get("actor").asText()).isEqualTo(world.admin.subject().orElseThrow());
        assertThat(entry.get("action").asText()).isEqualTo("ORDER_STATUS_CHANGED");
        assertThat(entry.get("entityId").asText()).isEqualTo(Long.toString(order));
        assertThat(entry.get("details").asText())
                .contains("\"from\":\"PENDING\"", "\"to\":\"PAID\"", "\"reason\":\"bank transfer 4711 received\"");
    }

    @Test
    void aCustomersCancellationIsAuditedWithTheCustomerAsActor() {
        long order = world.newOrder(world.owner);

        Api.Reply cancelled = api.patch("/api/orders/" + order, world.owner, "{\"status\":\"CANCELLED\"}");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonNode entry = latestAudit();
        assertThat(entry.get("actor").asText()).isEqualTo(world.owner.subject().orElseThrow());
        assertThat(entry.get("action").asText()).isEqualTo("ORDER_STATUS_CHANGED");
        assertThat(entry.get("entityId").asText()).isEqualTo(Long.toString(order));
        assertThat(entry.get("details").asText())
                .contains("\"from\":\"PENDING\"", "\"to\":\"CANCELLED\"", "\"role\":\"customer\"");
    }

    private String status(long order) {
        return api.get("/api/orders/" + order, world.admin).json().get("status").asText();
    }

    private JsonNode latestAudit() {
        return api.get("/api/admin/audit?size=1", world.admin)
                .json()
                .get("items")
                .get(0);
    }

    private BigDecimal revenueToday() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode days = api.get("/api/admin/stats/orders?from=" + today + "&to=" + today, world.admin)
                .json();
        return days.isEmpty() ? BigDecimal.ZERO : days.get(0).get("revenue").decimalValue();
    }
}
