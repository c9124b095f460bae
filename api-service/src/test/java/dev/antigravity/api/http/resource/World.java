package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people and things the endpoint tests act on, created through the API itself: an
 * administrator, a registered customer who owns an order, and another customer.
 */
final class World {
    /** The body an administrator sends to mark an order paid by hand (a reason is required). */
    static final String PAID_BY_ADMIN = "{\"status\":\"PAID\",\"reason\":\"paid by bank transfer\"}";

    final Api api;
    final Caller admin = Caller.admin("admin");
    final Caller owner = Caller.customer("customer");
    final Caller other = Caller.customer("other-customer");
    final long ownerUserId;
    final long productId;
    final long ownersOrderId;

    World(Api api) {
        this.api = api;
        register(admin, "ADMIN");
        this.ownerUserId = register(owner, "CUSTOMER");
        this.productId = newProduct(1_000_000);
        this.ownersOrderId = newOrder(owner);
    }

    Caller caller(String who) {
        return switch (who) {
            case "anonymous" -> Caller.ANONYMOUS;
            case "customer" -> owner;
            case "other customer" -> other;
            case "admin" -> admin;
            default -> throw new IllegalArgumentException(who);
        };
    }

    long register(Caller caller, String role) {
        Api.Reply reply = api.post(
                "/api/users",
                admin,
                Api.json(Map.of(
                        "email",
                        uniqueEmail(),
                        "name",
                        caller.name(),
                        "role",
                        role,
                        "subject",
                        caller.subject().orElseThrow())));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return Api.id(reply).orElseThrow();
    }

    long newProduct(int stock) {
        Api.Reply reply = api.post(
                "/api/products",
                admin,
                Api.json(Map.of("name", "Widget " + UUID.randomUUID(), "price", 2.5, "stock", stock)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return Api.id(reply).orElseThrow();
    }

    long newOrder(Caller customer) {
        Api.Reply reply = api.post("/api/orders", customer, orderBody(productId, 1));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return Api.id(reply).orElseThrow();
    }

    static String orderBody(long productId, int quantity) {
        return Api.json(Map.of("lines", List.of(Map.of("productId", productId, "quantity", quantity))));
    }

    static String uniqueEmail() {
        return "u-" + UUID.randomUUID() + "@example.com";
    }
}
