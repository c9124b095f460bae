package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.testing.junit5.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every class of bad input on the /api routes gets a clear 4xx problem and writes nothing;
 * hostile text in string fields is data, stored and returned verbatim.
 */
@ServerTest
class BadInputApiTest extends H2ServerTest {
    private static final String ADMIN = "admin";
    private static final String CUSTOMER = "customer";
    private static final String HOSTILE =
            "Robert'); DROP TABLE products; -- \" ; SELECT * FROM users WHERE '1'='1 %_\\";

    BadInputApiTest(Http1Client client) {
        super(client);
    }

    /** A bad request: who sends it, method, path ({id} = an existing product/order), body, headers, expected status. */
    record Bad(
            String what,
            String who,
            String method,
            String path,
            String body,
            Map<String, String> headers,
            int status,
            String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static Bad bad(String what, String who, String method, String path, String body, int status, String field) {
        return new Bad(what, who, method, path, body, Map.of(), status, field);
    }

    static Stream<Arguments> badRequests() {
        String product = "/api/products";
        String order = "/api/orders";
        return Stream.of(
                        bad("malformed JSON", ADMIN, "POST", product, "{\"name\":", 400, null),
                        bad(
                                "trailing garbage",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":1,\"stock\":1} x",
                                400,
                                null),
                        bad(
                                "unknown field",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":1,\"stock\":1,\"colour\":\"red\"}",
                                400,
                                "colour"),
                        bad(
                                "price as text",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":\"abc\",\"stock\":1}",
                                400,
                                "price"),
                        bad(
                                "numeric text for price",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":\"1.00\",\"stock\":1}",
                                400,
                                "price"),
                        bad(
                                "fractional stock",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":1,\"stock\":1.5}",
                                400,
                                "stock"),
                        bad(
                                "stock as text",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":1,\"stock\":\"5\"}",
                                400,
                                "stock"),
                        bad(
                                "overflowing stock",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":1,\"stock\":99999999999}",
                                400,
                                "stock"),
                        bad(
                                "name as number",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":123,\"price\":1,\"stock\":1}",
                                400,
                                "name"),
                        bad(
                                "price as array",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":[1],\"stock\":1}",
                                400,
                                "price"),
                        bad(
                                "NUL in description",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"description\":\"x\\u0000y\",\"price\":1,\"stock\":1}",
                                400,
                                "description"),
                        bad("NUL in name filter", ANONYMOUS_ANY(), "GET", product + "?name=%00", null, 400, "name"),
                        bad(
                                "three decimals",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"a\",\"price\":1.001,\"stock\":1}",
                                400,
                                "price"),
                        bad("JSON null body", ADMIN, "POST", product, "null", 400, null),
                        bad("JSON array body", ADMIN, "POST", product, "[]", 400, null),
                        bad("empty body", ADMIN, "POST", product, "", 400, null),
                        new Bad(
                                "not JSON",
                                ADMIN,
                                "POST",
                                product,
                                "name=a",
                                Map.of("Content-Type", "text/plain"),
                                415,
                                null),
                        bad(
                                "non-numeric id",
                                ADMIN,
                                "PUT",
                                product + "/abc",
                                "{\"name\":\"a\",\"price\":1,\"stock\":1}",
                                400,
                                "id"),
                        bad("negative id", ADMIN, "DELETE", product + "/-1", null, 400, "id"),
                        bad("zero id", ANONYMOUS_ANY(), "GET", product + "/0", null, 400, "id"),
                        bad(
                                "overflowing id",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "/99999999999999999999",
                                null,
                                400,
                                "id"),
                        bad("SQL in id", ANONYMOUS_ANY(), "GET", product + "/1%20OR%201=1", null, 400, "id"),
                        bad("oversized page", ANONYMOUS_ANY(), "GET", product + "?size=1000", null, 400, "size"),
                        bad("zero size", ANONYMOUS_ANY(), "GET", product + "?size=0", null, 400, "size"),
                        bad("negative page", ANONYMOUS_ANY(), "GET", product + "?page=-1", null, 400, "page"),
                        bad(
                                "overflowing page",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?page=99999999999",
                                null,
                                400,
                                "page"),
                        bad("repeated page", ANONYMOUS_ANY(), "GET", product + "?page=1&page=2", null, 400, "page"),
                        bad(
                                "sort outside whitelist",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?sort=price;DROP%20TABLE%20products",
                                null,
                                400,
                                "sort"),
                        bad(
                                "unknown direction",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?sort=price&direction=sideways",
                                null,
                                400,
                                "direction"),
                        bad("unknown parameter", ANONYMOUS_ANY(), "GET", product + "?colour=red", null, 400, "colour"),
                        bad(
                                "price filter not a number",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?minPrice=cheap",
                                null,
                                400,
                                "minPrice"),
                        bad(
                                "inverted price range",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?minPrice=5&maxPrice=1",
                                null,
                                400,
                                "minPrice"),
                        bad(
                                "inStock not boolean",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?inStock=yes",
                                null,
                                400,
                                "inStock"),
                        bad("lines not an array", CUSTOMER, "POST", order, "{\"lines\":\"x\"}", 400, "lines"),
                        bad("no lines", CUSTOMER, "POST", order, "{\"lines\":[]}", 400, "lines"),
                        bad(
                                "quantity as text",
                                CUSTOMER,
                                "POST",
                                order,
                                "{\"lines\":[{\"productId\":{product},\"quantity\":\"2\"}]}",
                                400,
                                "lines[0].quantity"),
                        bad(
                                "zero quantity",
                                CUSTOMER,
                                "POST",
                                order,
                                "{\"lines\":[{\"productId\":{product},\"quantity\":0}]}",
                                400,
                                "lines[0].quantity"),
                        bad(
                                "overflowing product id",
                                CUSTOMER,
                                "POST",
                                order,
                                "{\"lines\":[{\"productId\":1e30,\"quantity\":1}]}",
                                400,
                                "lines[0].productId"),
                        bad(
                                "negative product id",
                                CUSTOMER,
                                "POST",
                                order,
                                "{\"lines\":[{\"productId\":-1,\"quantity\":1}]}",
                                400,
                                "lines[0].productId"),
                        bad(
                                "unknown product",
                                CUSTOMER,
                                "POST",
                                order,
                                "{\"lines\":[{\"productId\":987654321,\"quantity\":1}]}",
                                422,
                                "lines[0].productId"),
                        bad(
                                "unknown line field",
                                CUSTOMER,
                                "POST",
                                order,
                                "{\"lines\":[{\"productId\":{product},\"quantity\":1,\"price\":0.01}]}",
                                400,
                                "lines[0].price"),
                        new Bad(
                                "oversized Idempotency-Key",
                                CUSTOMER,
                                "POST",
                                order,
                                "{\"lines\":[{\"productId\":{product},\"quantity\":1}]}",
                                Map.of("Idempotency-Key", "k".repeat(256)),
                                400,
                                "Idempotency-Key"),
                        bad(
                                "unknown status",
                                CUSTOMER,
                                "PATCH",
                                order + "/{order}",
                                "{\"status\":\"REFUNDED\"}",
                                400,
                                "status"),
                        bad("status as number", CUSTOMER, "PATCH", order + "/{order}", "{\"status\":1}", 400, "status"),
                        bad("bad order id", CUSTOMER, "PATCH", order + "/x1", "{\"status\":\"PAID\"}", 400, "id"),
                        bad("status filter unknown", CUSTOMER, "GET", order + "?status=weird", null, 400, "status"),
                        bad(
                                "user with unknown field",
                                ADMIN,
                                "POST",
                                "/api/users",
                                "{\"email\":\"a@b.co\",\"name\":\"a\",\"role\":\"ADMIN\",\"admin\":true}",
                                400,
                                "admin"),
                        bad("user id overflowing", ADMIN, "GET", "/api/users/99999999999999999999", null, 400, "id"),
                        bad("audit page too large", ADMIN, "GET", "/api/admin/audit?size=101", null, 400, "size"),
                        bad(
                                "impossible date",
                                ADMIN,
                                "GET",
                                "/api/admin/stats/orders?from=2026-13-01",
                                null,
                                400,
                                "from"),
                        bad(
                                "inverted date range",
                                ADMIN,
                                "GET",
                                "/api/admin/stats/orders?from=2026-02-01&to=2026-01-01",
                                null,
                                400,
                                "from"),
                        bad(
                                "date range too long",
                                ADMIN,
                                "GET",
                                "/api/admin/stats/orders?from=2020-01-01&to=2026-01-01",
                                null,
                                400,
                                "to"),
                        bad("analytics top of zero", ADMIN, "GET", "/api/admin/analytics?top=0", null, 400, "top"),
                        bad("analytics top too large", ADMIN, "GET", "/api/admin/analytics?top=51", null, 400, "top"),
                        bad(
                                "analytics inverted range",
                                ADMIN,
                                "GET",
                                "/api/admin/analytics?from=2026-02-01&to=2026-01-01",
                                null,
                                400,
                                "from"),
                        // Found by the fuzzing pass; each was a 500 before.
                        bad(
                                "date past year 9999",
                                ADMIN,
                                "GET",
                                "/api/admin/stats/orders?to=%2B999999999-12-31",
                                null,
                                400,
                                "to"),
                        bad(
                                "date before year 1",
                                ADMIN,
                                "GET",
                                "/api/admin/stats/orders?to=-999999999-01-01",
                                null,
                                400,
                                "to"),
                        bad(
                                "five-digit year",
                                ADMIN,
                                "GET",
                                "/api/admin/stats/orders?from=%2B10000-12-30&to=2026-01-01",
                                null,
                                400,
                                "from"),
                        bad(
                                "price filter with a huge exponent",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?minPrice=1e999999999",
                                null,
                                400,
                                "minPrice"),
                        bad(
                                "price filter with a tiny exponent",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?maxPrice=1e-999999999",
                                null,
                                400,
                                "maxPrice"),
                        bad(
                                "negative price filter",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?minPrice=-1",
                                null,
                                400,
                                "minPrice"),
                        bad("signed id", ANONYMOUS_ANY(), "GET", product + "/+1", null, 400, "id"),
                        bad(
                                "request line over the limit",
                                ANONYMOUS_ANY(),
                                "GET",
                                product + "?name=" + "n".repeat(5000),
                                null,
                                414,
                                null),
                        bad(
                                "unpaired surrogate in name",
                                ADMIN,
                                "POST",
                                product,
                                "{\"name\":\"x\\ud800y\",\"price\":1,\"stock\":1}",
                                400,
                                "name"),
                        bad(
                                "unpaired surrogate in description",
                                ADMIN,
                                "PUT",
                                product + "/{product}",
                                "{\"name\":\"a\",\"description\":\"\\udc00\",\"price\":1,\"stock\":1}",
                                400,
                                "description"),
                        bad(
                                "email too long to be the subject",
                                ADMIN,
                                "POST",
                                "/api/users",
                                "{\"email\":\"a@" + "b".repeat(240) + ".com\",\"name\":\"a\",\"role\":\"ADMIN\"}",
                                400,
                                "subject"),
                        bad(
                                "email lengthened by lower-casing",
                                ADMIN,
                                "POST",
                                "/api/users",
                                "{\"email\":\"a@" + "\u0130".repeat(246)
                                        + ".com\",\"name\":\"a\",\"role\":\"ADMIN\",\"subject\":\"s\"}",
                                400,
                                "email"))
                .map(Arguments::of);
    }

    /** Public routes: sent by the customer (who may read them) so auth never decides the outcome. */
    private static String ANONYMOUS_ANY() {
        return CUSTOMER;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRejectedWithAProblemAndChangesNothing(Bad bad) {
        List<Long> before = counts();
        String path = bad.path()
                .replace("{order}", Long.toString(world().ownersOrderId))
                .replace("{product}", Long.toString(world().productId));
        String body = bad.body() == null ? null : bad.body().replace("{product}", Long.toString(world().productId));
        Caller caller = ADMIN.equals(bad.who()) ? world().admin : world().owner;

        Api.Reply reply = api.call(bad.method(), path, caller, body, bad.headers());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(bad.status());
        assertThat(reply.isProblem()).as(reply.headers().toString()).isTrue();
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (bad.field() != null) {
            assertThat(problem.get("errors").findValuesAsText("field"))
                    .as(reply.toString())
                    .contains(bad.field());
        }
        assertThat(counts()).as("nothing written").isEqualTo(before);
        assertThat(api.get("/api/products/" + world().productId, Caller.ANONYMOUS)
                        .status())
                .isEqualTo(200);
    }

    /** A well-formed object followed by a second value: the problem is the extra content, not a field. */
    @ParameterizedTest(name = "object then \"{0}\"")
    @ValueSource(strings = {"{}", "1", " [1]"})
    void contentAfterTheJsonDocumentIsNamedAsSuchAndChangesNothing(String trailing) {
        List<Long> before = counts();

        Api.Reply reply =
                api.post("/api/products", world().admin, "{\"name\":\"A\",\"price\":1,\"stock\":1}" + trailing);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.headers().toString()).isTrue();
        assertThat(reply.json().get("detail").asText())
                .isEqualTo("The request body has content after the JSON document.");
        assertThat(reply.json().has("errors")).as(reply.toString()).isFalse();
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aTokenSubjectTooLongToStoreIsRefusedBeforeAnyWrite() {
        List<Long> before = counts();
        Caller longSubject =
                new Caller("long", java.util.Optional.of("s".repeat(201)), dev.antigravity.api.http.auth.Role.CUSTOMER);

        Api.Reply reply = api.post("/api/orders", longSubject, World.orderBody(world().productId, 1));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void hostileTextIsStoredAndReturnedVerbatimInEveryStringField() {
        Api.Reply product = api.post(
                "/api/products",
                world().admin,
                Api.json(Map.of("name", HOSTILE, "description", HOSTILE, "price", 1, "stock", 3)));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        long productId = Api.id(product).orElseThrow();
        JsonNode read = api.get("/api/products/" + productId, Caller.ANONYMOUS).json();
        assertThat(read.get("name").asText()).isEqualTo(HOSTILE);
        assertThat(read.get("description").asText()).isEqualTo(HOSTILE);

        String hostileSubject = "sub'; DELETE FROM orders; --";
        Caller hostileCaller = new Caller(
                "hostile", java.util.Optional.of(hostileSubject), dev.antigravity.api.http.auth.Role.CUSTOMER);
        Api.Reply user = api.post(
                "/api/users",
                world().admin,
                Api.json(Map.of(
                        "email",
                        "o'brien;--@example.com",
                        "name",
                        HOSTILE,
                        "role",
                        "CUSTOMER",
                        "subject",
                        hostileSubject)));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        JsonNode me = api.get("/api/users/me", hostileCaller).json();
        assertThat(me.get("email").asText()).isEqualTo("o'brien;--@example.com");
        assertThat(me.get("name").asText()).isEqualTo(HOSTILE);
        assertThat(me.get("subject").asText()).isEqualTo(hostileSubject);

        String key = "k'--;\"DROP";
        Api.Reply placed = api.call(
                "POST", "/api/orders", hostileCaller, World.orderBody(productId, 1), Map.of("Idempotency-Key", key));
        Api.Reply replayed = api.call(
                "POST", "/api/orders", hostileCaller, World.orderBody(productId, 1), Map.of("Idempotency-Key", key));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(placed.body());
        assertThat(placed.json().get("customer").asText()).isEqualTo(hostileSubject);
        assertThat(placed.json().get("lines").get(0).get("productName").asText())
                .isEqualTo(HOSTILE);

        JsonNode search = api.get(
                        "/api/products?name="
                                + java.net.URLEncoder.encode(
                                                "DROP TABLE products; --", java.nio.charset.StandardCharsets.UTF_8)
                                        .replace("+", "%20"),
                        Caller.ANONYMOUS)
                .json();
        assertThat(search.get("items").findValuesAsText("id")).containsExactly(Long.toString(productId));
        assertThat(api.get("/api/products?size=1", Caller.ANONYMOUS)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isPositive();
    }

    private List<Long> counts() {
        return Stream.of("/api/products?size=1", "/api/orders?size=1", "/api/users?size=1", "/api/admin/audit?size=1")
                .map(path ->
                        api.get(path, world().admin).json().get("totalItems").asLong())
                .toList();
    }
}
