package dev.antigravity.api.service;

import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderLine;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.repository.OrderRepository;
import dev.antigravity.api.repository.ProductRepository;
import dev.antigravity.api.repository.Sql;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way an order changes status, shared by customers' and administrators' requests, the
 * expiry sweep and payments: a conditional update from the status read, the stock released when
 * the order ends unfulfilled, and the audit entry, all in the caller's transaction.
 */
final class OrderTransitions {
    private final ProductRepository products;
    private final OrderRepository orders;
    private final AuditTrail audit;
    private final OrderNotifications notifications;

    OrderTransitions(
            ProductRepository products, OrderRepository orders, AuditTrail audit, OrderNotifications notifications) {
        this.products = products;
        this.orders = orders;
        this.audit = audit;
        this.notifications = notifications;
    }

    /**
     * An order just placed: the customer's notifications go out with it (the outbox, same
     * transaction), as statements of the placing pipeline, after the order's own statements.
     */
    List<Sql> placed(long orderId, Instant now) {
        return notifications.owed(orderId, OrderStatus.PENDING, now);
    }

    /**
     * Moves {@code order} from its current status to {@code target}. Only the request whose
     * update matched the row releases the stock, so concurrent cancels and expiries release it
     * exactly once.
     */
    Transition move(DbExecute tx, Actor actor, Order order, OrderStatus target, Optional<String> reason, Instant now) {
        long id = order.id();
        if (!order.status().canBecome(target)) {
            throw ServiceException.conflict(
                    "Order " + id + " is " + order.status() + " and cannot become " + target + ".");
        }
        if (!orders.updateStatus(tx, id, order.status(), target, now)) {
            throw ServiceException.conflict("Order " + id + " was changed by another request; read it again.");
        }
        if (target.releasesStock()) {
            order.lines().stream()
                    .sorted(Comparator.comparingLong(OrderLine::productId))
                    .forEach(line -> products.releaseStock(tx, line.productId(), line.quantity(), now));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", order.status());
        details.put("to", target);
        details.put("role", actor.role());
        reason.ifPresent(r -> details.put("reason", r));
        audit.record(tx, actor, "ORDER_STATUS_CHANGED", "order", id, details, now);
        Order changed =
                new Order(order.id(), order.customer(), target, order.total(), order.lines(), order.createdAt(), now);
        notifications.orderChanged(tx, id, target, now); // the customer's messages, in this very transaction
        return new Transition(order.status(), changed);
    }

    record Transition(OrderStatus from, Order order) {}
}
