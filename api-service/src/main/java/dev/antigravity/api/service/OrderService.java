package dev.antigravity.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.model.IdempotencyRecord;
import dev.antigravity.api.model.IdempotencyRecord.StoredResponse;
import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderItem;
import dev.antigravity.api.model.OrderLine;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.repository.Constraints;
import dev.antigravity.api.repository.IdempotencyRepository;
import dev.antigravity.api.repository.OrderRepository;
import dev.antigravity.api.repository.Pipeline;
import dev.antigravity.api.repository.ProductRepository;
import dev.antigravity.api.repository.Sql;
import dev.antigravity.api.repository.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Placing orders (stock reserved atomically, retries made safe by Idempotency-Key), reading them,
 * and moving them through their life cycle.
 */
public final class OrderService {
    /** A key is bound to its first request for this long, then may be reused. */
    public static final Duration KEY_RETENTION = Duration.ofHours(24);
    /** orders.total is NUMERIC(14, 2): twelve digits before the decimal point. */
    public static final BigDecimal MAX_TOTAL = new BigDecimal("999999999999.99");
    /** A lost claim is followed by a read of the winner's result; a few rounds cover expiry races. */
    private static final int CLAIM_ATTEMPTS = 3;
    /** Orders expired per query; a sweep repeats the query until fewer are due. */
    private static final int EXPIRY_BATCH = 100;

    private static final String EXPIRY_TASK = "order-expiry";

    private final DbClient db;
    private final Transactions transactions;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final IdempotencyRepository keys;
    private final OrderMetrics metrics;
    private final OrderRules rules;
    private final OrderTransitions transitions;
    private final PaymentService payments;
    private final Clock clock;

    OrderService(
            DbClient db,
            ProductRepository products,
            OrderRepository orders,
            IdempotencyRepository keys,
            OrderTransitions transitions,
            PaymentService payments,
            OrderMetrics metrics,
            OrderRules rules,
            Clock clock) {
        this.db = db;
        this.transactions = new Transactions(db);
        this.products = products;
        this.orders = orders;
        this.keys = keys;
        this.transitions = transitions;
        this.payments = payments;
        this.metrics = metrics;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Places an order for the caller. With an idempotency key, a request repeated with the same
     * key and body returns the first response and creates nothing; concurrent duplicates wait
     * on the key's row and then replay the winner's response.
     */
    public OrderPlacement place(Actor customer, OrderRequest request, Optional<String> idempotencyKey) {
        List<OrderItem> items = OrderValidation.items(request, rules.maxQuantity());
        if (idempotencyKey.isEmpty()) {
            return create(customer, items, Optional.empty());
        }
        String key = OrderValidation.idempotencyKey(idempotencyKey.get());
        Claim claim = new Claim(key, OrderValidation.fingerprint(items));
        // The claim comes first and the earlier result is read only when the key turns out to be taken:
        // a fresh key (nearly every request) costs no extra round trip, a repeated one a claim refused.
        // An expired record is deleted only then, on that rare path, and the claim tried again.
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            try {
                return create(customer, items, Optional.of(claim));
            } catch (RuntimeException e) {
                if (!Constraints.isUniqueViolation(e)) {
                    throw e;
                }
                // Another request claimed the key first and has committed: replay its result.
            }
            Instant cutoff = Clocks.now(clock).minus(KEY_RETENTION);
            Optional<IdempotencyRecord> earlier = keys.find(db.execute(), customer.subject(), key);
            if (earlier.isPresent() && earlier.get().createdAt().isAfter(cutoff)) {
                return replay(earlier.get(), claim);
            }
            if (earlier.isPresent()) {
                // Conditional on the age, so a fresh claim that replaced it meanwhile is never deleted.
                keys.forgetIfOlderThan(db.execute(), customer.subject(), key, cutoff);
            }
        }
        throw ServiceException.conflict(
                "Idempotency-Key '" + key + "' is being used by concurrent requests; retry later.");
    }

    public Order get(Actor actor, long id) {
        return visible(db.execute(), actor, id);
    }

    /** An administrator sees every order, a customer only its own. */
    public Page<Order> list(Actor actor, Optional<OrderStatus> status, PageRequest page) {
        Optional<String> owner = actor.admin() ? Optional.empty() : Optional.of(actor.subject());
        return orders.page(db.execute(), owner, status, page);
    }

    /**
     * Moves an order to a new status with a conditional update; cancelling also puts its stock
     * back, in the same transaction. Only administrators ship, and only administrators giving a
     * reason mark an order paid (its payment does it otherwise): a customer must not be able to
     * recognise revenue for an order nobody paid. Every change is audited with its actor. A paid
     * order that is cancelled is refunded and returned REFUNDED (CANCELLED while the refund is due).
     */
    public Order changeStatus(Actor actor, long id, StatusChange change) {
        OrderStatus target = OrderValidation.status(change);
        Instant now = Clocks.now(clock);
        OrderTransitions.Transition transition = transactions.inTransaction(tx -> {
            Order order = visible(tx, actor, id);
            if (target == OrderStatus.SHIPPED && !actor.admin()) {
                throw ServiceException.forbidden("Only administrators can mark orders as shipped.");
            }
            if (target == OrderStatus.PAID && !actor.admin()) {
                throw ServiceException.forbidden("An order is marked paid by its payment, or by an administrator "
                        + "giving a reason; customers cannot mark orders paid.");
            }
            Optional<String> reason = OrderValidation.reason(change, target);
            if (order.status() == OrderStatus.PENDING && target == OrderStatus.PAID && overdue(order, now)) {
                // The sweep has not reached it yet; its stock is as good as back on sale.
                throw ServiceException.conflict("Order " + id + " expired unpaid at "
                        + order.createdAt().plus(rules.expiry()) + " and cannot become PAID.");
            }
            return transitions.move(tx, actor, order, target, reason, now);
        });
        if (target == OrderStatus.PAID) {
            metrics.orderPaid(transition.order().total());
        } else if (target == OrderStatus.CANCELLED) {
            metrics.orderCancelled();
            if (transition.from() == OrderStatus.PAID) {
                metrics.paidOrderCancelled(transition.order().total());
                return payments.refundCancelled(actor, transition.order());
            }
        }
        return transition.order();
    }

    /**
     * Expires every PENDING order placed longer than {@code orders.expiry} ago and gives its stock
     * back, each in its own transaction. Safe to run on every task at once and beside customers
     * cancelling: an order that someone else moved first is skipped, its stock untouched.
     *
     * @return how many orders this call expired
     */
    public int expireUnpaid(String correlationId) {
        Actor system = Actor.system(EXPIRY_TASK, correlationId);
        int expired = 0;
        List<Long> due;
        do {
            Instant now = Clocks.now(clock);
            due = orders.pendingPlacedBefore(db.execute(), now.minus(rules.expiry()), EXPIRY_BATCH);
            for (long id : due) {
                if (expire(system, id, now)) {
                    expired++;
                }
            }
        } while (due.size() == EXPIRY_BATCH);
        return expired;
    }

    private boolean expire(Actor system, long id, Instant now) {
        try {
            transactions.inTransaction(tx -> transitions.move(
                    tx, system, orders.findById(tx, id).orElseThrow(), OrderStatus.EXPIRED, Optional.empty(), now));
        } catch (ServiceException lost) {
            if (lost.kind() != ServiceException.Kind.CONFLICT) {
                throw lost;
            }
            return false; // paid or cancelled meanwhile (or expired by another task)
        }
        metrics.orderExpired();
        return true;
    }

    private boolean overdue(Order order, Instant now) {
        return !order.createdAt().plus(rules.expiry()).isAfter(now);
    }

    /**
     * The placing transaction, in two round trips whatever the number of lines (see {@link
     * Pipeline}): first everything that needs no answer from the database, then everything that
     * needs the first batch's answers (the prices, the order's id, the customer) and the commit.
     */
    private OrderPlacement create(Actor customer, List<OrderItem> items, Optional<Claim> claim) {
        Instant now = Clocks.now(clock);
        Placed placed = transactions.pipelined(pipeline -> {
            Reserved reserved = reserve(pipeline, customer, items, claim, now);
            requireStorableTotal(reserved.lines());
            BigDecimal total =
                    reserved.lines().stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            Order order = new Order(
                    reserved.orderId(), customer.subject(), OrderStatus.PENDING, total, reserved.lines(), now, now);
            PaymentService.Staged payment = payments.stage(order, claim.map(Claim::key));
            String body = json(order);
            List<Sql> record = new ArrayList<>(orders.complete(order));
            record.add(payments.store(payment, now));
            record.addAll(transitions.placed(order, reserved.customer(), now));
            claim.ifPresent(
                    c -> record.add(keys.complete(customer.subject(), c.key(), new StoredResponse(order.id(), body))));
            pipeline.runThenCommit(record);
            return new Placed(new OrderPlacement(order.id(), body, false), payment);
        });
        metrics.orderCreated();
        payments.open(placed.payment());
        return placed.placement();
    }

    /**
     * The first batch: the key claimed, the stock of every line taken, the order's row created and
     * its customer read. Stock is taken in product id order, so that concurrent orders lock rows in
     * the same order and cannot deadlock. A line that cannot be served aborts the whole transaction.
     */
    private Reserved reserve(
            Pipeline pipeline, Actor customer, List<OrderItem> items, Optional<Claim> claim, Instant now) {
        List<Integer> byProduct = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            byProduct.add(i);
        }
        byProduct.sort(Comparator.comparingLong(i -> items.get(i).productId()));
        List<Sql> batch = new ArrayList<>();
        claim.ifPresent(c -> batch.add(keys.claim(customer.subject(), c.key(), c.fingerprint(), now)));
        int firstReservation = batch.size();
        for (int index : byProduct) {
            batch.add(products.reserveStock(
                    items.get(index).productId(), items.get(index).quantity(), now));
        }
        batch.add(orders.insert(customer.subject(), now));
        batch.add(transitions.placing(customer.subject()));
        List<Pipeline.Result> results = pipeline.run(batch);
        Map<Long, OrderLine> lines = new HashMap<>();
        for (int k = 0; k < byProduct.size(); k++) {
            int index = byProduct.get(k);
            OrderItem item = items.get(index);
            ProductRepository.StockTaken taken = products.reserved(results.get(firstReservation + k))
                    .orElseThrow(() -> unavailable(pipeline, item, index));
            lines.put(
                    item.productId(),
                    new OrderLine(taken.productId(), taken.name(), item.quantity(), taken.unitPrice()));
        }
        int afterReservations = firstReservation + byProduct.size();
        return new Reserved(
                OrderRepository.insertedId(results.get(afterReservations)),
                items.stream().map(item -> lines.get(item.productId())).toList(),
                results.get(afterReservations + 1));
    }

    /** Thrown inside the placing transaction, so the stock just reserved is given back. */
    private static void requireStorableTotal(List<OrderLine> lines) {
        BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(MAX_TOTAL) > 0) {
            throw ServiceException.unprocessable(
                    "The order's total " + total.toPlainString() + " exceeds the maximum of "
                            + MAX_TOTAL.toPlainString()
                            + " for one order; split it into smaller orders. Nothing was ordered.",
                    List.of(new FieldError("lines", "total must be at most " + MAX_TOTAL.toPlainString())));
        }
    }

    private ServiceException unavailable(Pipeline pipeline, OrderItem item, int index) {
        return ProductRepository.found(pipeline.run(products.byId(item.productId())))
                .map(product -> new ServiceException(
                        ServiceException.Kind.INSUFFICIENT_STOCK,
                        "Product " + product.id() + " ('" + product.name() + "') has " + product.stock() + " in stock; "
                                + item.quantity() + " requested. Nothing was ordered.",
                        List.of(new FieldError(
                                "lines[" + index + "].quantity",
                                "only " + product.stock() + " in stock for product " + product.id()))))
                .orElseGet(() -> ServiceException.unprocessable(
                        "Product " + item.productId() + " does not exist.",
                        List.of(new FieldError("lines[" + index + "].productId", "no such product"))));
    }

    private OrderPlacement replay(IdempotencyRecord earlier, Claim claim) {
        if (!earlier.fingerprint().equals(claim.fingerprint())) {
            throw ServiceException.unprocessable(
                    "Idempotency-Key '" + claim.key() + "' was already used with a different request body.");
        }
        StoredResponse response = earlier.response()
                .orElseThrow(() -> ServiceException.conflict(
                        "The request with Idempotency-Key '" + claim.key() + "' is still in progress; retry later."));
        payments.open(response.orderId()); // the first request may have stopped before the provider answered
        return new OrderPlacement(response.orderId(), response.body(), true);
    }

    private Order visible(DbExecute db, Actor actor, long id) {
        return orders.findById(db, id)
                .filter(order -> actor.admin() || order.customer().equals(actor.subject()))
                .orElseThrow(() -> ServiceException.notFound("Order " + id + " does not exist."));
    }

    private static String json(Order order) {
        try {
            return Json.mapper().writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Orders are always serialisable", e);
        }
    }

    private record Claim(String key, String fingerprint) {}

    /** What the first batch of a placing transaction found: the order's id, its priced lines, its customer. */
    private record Reserved(long orderId, List<OrderLine> lines, Pipeline.Result customer) {}

    /** A committed order and the payment staged with it, to be created with the provider next. */
    private record Placed(OrderPlacement placement, PaymentService.Staged payment) {}
}
