package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.testing.junit5.ServerTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ServerTest
class UsersAndAdminApiTest extends H2ServerTest {

    UsersAndAdminApiTest(Http1Client client) {
        super(client);
    }

    @Test
    void usersAreCreatedListedAndReadByThemselves() {
        Caller newcomer = Caller.customer("newcomer");
        String email = "New.Comer+" + UUID.randomUUID() + "@Example.com";
        Api.Reply created = api.post(
                "/api/users",
                world().admin,
                Api.json(Map.of(
                        "email",
                        email,
                        "name",
                        "New Comer",
                        "role",
                        "customer",
                        "subject",
                        newcomer.subject().orElseThrow())));

        assertThat(created.status()).isEqualTo(201);
        long id = Api.id(created).orElseThrow();
        assertThat(created.header("Location")).isEqualTo("/api/users/" + id);
        assertThat(created.json().get("email").asText()).isEqualTo(email.toLowerCase());
        assertThat(api.get("/api/users/me", newcomer).json()).isEqualTo(created.json());
        assertThat(api.get("/api/users/" + id, newcomer).json()).isEqualTo(created.json());

        JsonNode page = api.get("/api/users?page=0&size=100", world().admin).json();
        assertThat(page.get("items").findValuesAsText("id")).contains(Long.toString(id));

        Api.Reply duplicate = api.post(
                "/api/users",
                world().admin,
                Api.json(Map.of("email", email.toUpperCase(), "name", "Again", "role", "ADMIN")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();

        Api.Reply invalid =
                api.post("/api/users", world().admin, Api.json(Map.of("email", "nope", "name", "x", "role", "root")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactly("email", "role");
    }

    @Test
    void adminWritesAreAuditedWithWhoWhatAndCorrelationId() {
        String requestId = "audit-" + UUID.randomUUID();
        Api.Reply created = api.call(
                "POST",
                "/api/products",
                world().admin,
                Api.json(Map.of("name", "Audited", "price", 9.99, "stock", 1)),
                Map.of("X-Request-Id", requestId));
        long id = Api.id(created).orElseThrow();

        JsonNode latest = api.get("/api/admin/audit?size=1", world().admin)
                .json()
                .get("items")
                .get(0);

        assertThat(latest.get("actor").asText())
                .isEqualTo(world().admin.subject().orElseThrow());
        assertThat(latest.get("action").asText()).isEqualTo("PRODUCT_CREATED");
        assertThat(latest.get("entityType").asText()).isEqualTo("product");
        assertThat(latest.get("entityId").asText()).isEqualTo(Long.toString(id));
        assertThat(latest.get("correlationId").asText()).isEqualTo(requestId);
        assertThat(latest.get("occurredAt").asText()).isNotBlank();
    }

    @Test
    void statsCoverEveryDayOfTheRange() {
        long product = world().newProduct(10);
        long id = Api.id(api.post("/api/orders", world().owner, World.orderBody(product, 4)))
                .orElseThrow();
        api.patch("/api/orders/" + id, world().admin, World.PAID_BY_ADMIN);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode days = api.get("/api/admin/stats/orders?from=" + today.minusDays(2) + "&to=" + today, world().admin)
                .json();

        assertThat(days).hasSize(3);
        JsonNode last = days.get(2);
        assertThat(last.get("day").asText()).isEqualTo(today.toString());
        assertThat(last.get("orders").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(last.get("revenue").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("10.00"));
        assertThat(api.get("/api/admin/stats/orders", world().admin).json()).hasSize(30);
    }

    /** The analytics document as openapi.yaml describes it; the figures are checked in AnalyticsTest. */
    @Test
    void analyticsReportTodaysPaidOrder() {
        long product = world().newProduct(10);
        long id = Api.id(api.post("/api/orders", world().owner, World.orderBody(product, 3)))
                .orElseThrow();
        api.patch("/api/orders/" + id, world().admin, World.PAID_BY_ADMIN);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode report = api.get("/api/admin/analytics?from=" + today + "&to=" + today + "&top=50", world().admin)
                .json();

        assertThat(report.get("orders").get("paid").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("days")).hasSize(1);
        assertThat(report.get("topProductsByUnits").findValuesAsText("productId"))
                .contains(Long.toString(product));
        assertThat(report.get("paymentFailureRate").isNull()).isTrue();
        assertThat(report.get("notes").get(0).asText()).contains("paymentFailureRate");
        assertThat(api.get("/api/admin/analytics", world().admin).json().get("days"))
                .hasSize(30);
    }

    /** The last day a date column holds, and a 'to' whose default range would start before year 1. */
    @Test
    void statsServeTheEdgesOfTheCalendar() {
        JsonNode last = api.get("/api/admin/stats/orders?from=9999-12-30&to=9999-12-31", world().admin)
                .json();
        assertThat(last.findValuesAsText("day")).containsExactly("9999-12-30", "9999-12-31");

        Api.Reply first = api.get("/api/admin/stats/orders?to=0001-01-05", world().admin);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().findValuesAsText("day"))
                .hasSize(5)
                .startsWith("0001-01-01")
                .endsWith("0001-01-05");
    }
}
