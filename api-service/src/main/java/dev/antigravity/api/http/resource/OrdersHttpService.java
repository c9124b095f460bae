package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.service.OrderPlacement;
import dev.antigravity.api.service.OrderRequest;
import dev.antigravity.api.service.OrderService;
import dev.antigravity.api.service.PaymentService;
import dev.antigravity.api.service.StatusChange;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /api/orders}: customers order for themselves; status changes; scoped reads; an order's payment. */
public final class OrdersHttpService implements HttpService {
    static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    static final HeaderName REPLAYED = HeaderNames.create("Idempotent-Replayed");

    private final OrderService orders;
    private final PaymentService payments;

    public OrdersHttpService(OrderService orders, PaymentService payments) {
        this.orders = orders;
        this.payments = payments;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::place)
                .get("/", this::list)
                .get("/{id}", this::get)
                .patch("/{id}", this::changeStatus)
                .get("/{id}/payment", this::payment);
    }

    private void place(ServerRequest req, ServerResponse res) {
        var customer = Actors.require(req, Role.CUSTOMER);
        RequestParams.allowOnly(req, Set.of());
        OrderPlacement placement = orders.place(customer, JsonBody.read(req, OrderRequest.class), idempotencyKey(req));
        if (placement.replayed()) {
            res.headers().set(REPLAYED, "true");
        }
        Created.location(req, res, placement.orderId());
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        // The stored body is sent verbatim so that a replay is byte-for-byte the first response (201 too).
        res.status(Status.CREATED_201).send(placement.body());
    }

    /** Two keys would make a retry ambiguous (which one identifies the request?), so they are refused. */
    private static Optional<String> idempotencyKey(ServerRequest req) {
        if (!req.headers().contains(IDEMPOTENCY_KEY)) {
            return Optional.empty();
        }
        List<String> values = req.headers().get(IDEMPOTENCY_KEY).allValues();
        if (values.size() != 1) {
            throw ApiException.validation(IDEMPOTENCY_KEY.defaultCase(), "must be given once");
        }
        return Optional.of(values.getFirst());
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = Actors.require(req);
        RequestParams.allowOnly(req, Set.of("page", "size", "status"));
        res.send(orders.list(actor, RequestParams.oneOf(req, "status", OrderStatus.class), RequestParams.page(req)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        var actor = Actors.require(req);
        res.send(orders.get(actor, RequestParams.id(req)));
    }

    private void payment(ServerRequest req, ServerResponse res) {
        var actor = Actors.require(req);
        res.send(payments.forOrder(actor, RequestParams.id(req)));
    }

    private void changeStatus(ServerRequest req, ServerResponse res) {
        var actor = Actors.require(req);
        long id = RequestParams.id(req);
        res.send(orders.changeStatus(actor, id, JsonBody.read(req, StatusChange.class)));
    }
}
