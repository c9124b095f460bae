package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.testing.junit5.ServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ServerTest
class ProductsApiTest extends H2ServerTest {
    private final Caller admin = Caller.admin("admin");

    ProductsApiTest(Http1Client client) {
        super(client);
    }

    private long create(String name, String price, int stock) {
        Api.Reply reply = api.post(
                "/api/products",
                admin,
                "{\"name\":" + Api.json(name) + ",\"price\":" + price + ",\"stock\":" + stock
                        + ",\"description\":\"d\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return Api.id(reply).orElseThrow();
    }

    @Test
    void createReadReplaceDelete() {
        Api.Reply created = api.post(
                "/api/products", admin, "{\"name\":\"Kettle\",\"description\":\"1.7 l\",\"price\":24.90,\"stock\":12}");
        assertThat(created.status()).isEqualTo(201);
        long id = Api.id(created).orElseThrow();
        assertThat(created.header("Location")).isEqualTo("/api/products/" + id);
        JsonNode body = created.json();
        assertThat(body.get("price").decimalValue()).isEqualByComparingTo("24.90");
        assertThat(body.get("stock").asInt()).isEqualTo(12);
        assertThat(body.get("createdAt").asText()).endsWith("Z");

        Api.Reply read = api.get("/api/products/" + id, Caller.ANONYMOUS);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);

        Api.Reply replaced = api.put("/api/products/" + id, admin, "{\"name\":\"Kettle 2\",\"price\":30,\"stock\":0}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("name").asText()).isEqualTo("Kettle 2");
        assertThat(replaced.json().get("description").asText()).isEmpty();
        assertThat(replaced.json().get("price").decimalValue()).isEqualByComparingTo("30.00");

        assertThat(api.delete("/api/products/" + id, admin).status()).isEqualTo(204);
        Api.Reply gone = api.get("/api/products/" + id, Caller.ANONYMOUS);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.isProblem()).isTrue();
    }

    @Test
    void listingPagesSortsAndFilters() {
        String tag = "lst" + UUID.randomUUID().toString().substring(0, 6);
        long a = create(tag + " alpha", "3.00", 0);
        long b = create(tag + " beta", "1.00", 5);
        long c = create(tag + " gamma", "2.00", 5);

        JsonNode byPrice = api.get("/api/products?name=" + tag + "&sort=price&direction=desc&size=2", Caller.ANONYMOUS)
                .json();
        assertThat(byPrice.get("items").findValuesAsText("id")).containsExactly(Long.toString(a), Long.toString(c));
        assertThat(byPrice.get("totalItems").asLong()).isEqualTo(3);
        assertThat(byPrice.get("totalPages").asLong()).isEqualTo(2);
        assertThat(byPrice.get("size").asInt()).isEqualTo(2);

        JsonNode second = api.get(
                        "/api/products?name=" + tag + "&sort=price&direction=desc&size=2&page=1", Caller.ANONYMOUS)
                .json();
        assertThat(second.get("items").findValuesAsText("id")).containsExactly(Long.toString(b));

        JsonNode filtered = api.get(
                        "/api/products?name=" + tag.toUpperCase() + "&inStock=true&minPrice=1.5&maxPrice=2.00",
                        Caller.ANONYMOUS)
                .json();
        assertThat(filtered.get("items").findValuesAsText("id")).containsExactly(Long.toString(c));

        JsonNode byName = api.get("/api/products?name=" + tag + "&sort=name", Caller.ANONYMOUS)
                .json();
        assertThat(byName.get("items").findValuesAsText("id"))
                .containsExactly(Long.toString(a), Long.toString(b), Long.toString(c));
    }

    @Test
    void deletingAnOrderedProductConflictsAndKeepsIt() {
        long id = create("ordered " + UUID.randomUUID(), "1.00", 3);
        Caller customer = Caller.customer("buyer");
        assertThat(api.post("/api/orders", customer, World.orderBody(id, 1)).status())
                .isEqualTo(201);

        Api.Reply reply = api.delete("/api/products/" + id, admin);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("detail").asText()).contains("Product " + id);
        assertThat(api.get("/api/products/" + id, Caller.ANONYMOUS)
                        .json()
                        .get("stock")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void fieldLevelMessagesForInvalidProducts() {
        Api.Reply reply = api.post("/api/products", admin, Api.json(Map.of("name", "", "price", -1, "stock", -5)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("errors").findValuesAsText("field")).containsExactly("name", "price", "stock");
        assertThat(reply.json().get("errors").findValuesAsText("message"))
                .contains("must not be blank", "must be greater than 0", "must be 0 or more");
    }

    /** Price bounds may use any number notation within the documented range. */
    @Test
    void priceFiltersAcceptExponentsAndDecimalsWithinRange() {
        String name = "Exp " + UUID.randomUUID();
        api.post("/api/products", world().admin, Api.json(Map.of("name", name, "price", 150, "stock", 1)));
        String filter = "/api/products?name=" + name.replace(" ", "%20");

        assertThat(api.get(filter + "&minPrice=1.5e2&maxPrice=150.0000000001", Caller.ANONYMOUS)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get(filter + "&minPrice=1.5000000001E2", Caller.ANONYMOUS)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(api.get(filter + "&maxPrice=9999999999.99&minPrice=0", Caller.ANONYMOUS)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
    }

    /** Public routes still refuse a token that is presented but invalid (documented as 401). */
    @Test
    void publicReadsRefuseAnInvalidToken() {
        for (String path : new String[] {"/api/products", "/api/products/" + world().productId}) {
            Api.Reply reply =
                    api.call("GET", path, Caller.ANONYMOUS, null, Map.of("Authorization", "Bearer not-a-jwt"));
            assertThat(reply.status()).as(path + " " + reply).isEqualTo(401);
            assertThat(reply.isProblem()).isTrue();
        }
    }
}
