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
import dev.antigravity.api.model.Product;
import dev.antigravity.api.repository.Constraints;
import dev.antigravity.api.repository.IdempotencyRepository;
import dev.antigravity.api.repository.OrderIds;
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
    /** A placement refused for stock or its total that the data then no longer explains is tried again. */
    private static final int PLACE_ATTEMPTS = 3;
    /** An id drawn for a later order is used within this long of its drawing (see {@link OrderIds}). */
    private static final Duration ID_FRESHNESS = Duration.ofSeconds(1);
    /** Ids waiting for orders; about one per order in flight is ever needed. */
    private static final int IDS_WAITING = 256;
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
    private final OrderIds ids = new OrderIds(ID_FRESHNESS, IDS_WAITING);

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
     * The placing transaction, in one round trip whatever the number of lines (see {@link Pipeline}): the order's id
     * is drawn before ({@link OrderIds}), and every statement that needs what another one wrote reads it in the
     * database (the lines their products' names and prices, the order its total from its lines, the payment its
     * amount from the order, the messages the customer's address), so none waits for an answer. A line that cannot
     * be served, or a total too large to store, fails its statement and with it the whole transaction; {@link
     * #refusal} then tells the customer why. Stock is taken in product id order, so that concurrent orders lock rows
     * in the same order and cannot deadlock.
     */
    private OrderPlacement create(Actor customer, List<OrderItem> items, Optional<Claim> claim) {
        for (int attempt = 1; ; attempt++) {
            Instant now = Clocks.now(clock);
            Order order;
            try {
                order = transactions.pipelined(pipeline -> placeOnce(pipeline, customer, items, claim, now));
            } catch (RuntimeException e) {
                // Anything else, a key claimed by another request (place() replays its result) included, as it is.
                if (!Constraints.isDataRefusal(e)) {
                    throw e;
                }
                Optional<ServiceException> refused = refusal(items);
                if (refused.isPresent()) {
                    throw refused.get();
                }
                if (attempt == PLACE_ATTEMPTS) {
                    throw e;
                }
                continue; // refused for stock or a total the data no longer explains (restocked meanwhile): again
            }
            metrics.orderCreated();
            Optional<String> key = claim.map(Claim::key);
            payments.open(payments.staged(order, key));
            return new OrderPlacement(order.id(), json(order), false);
        }
    }

    private Order placeOnce(
            Pipeline pipeline, Actor customer, List<OrderItem> items, Optional<Claim> claim, Instant now) {
        long orderId = ids.take(now).orElseGet(() -> OrderIds.id(pipeline.run(ids.draw())));
        List<Integer> byProduct = inProductOrder(items);
        List<Sql> batch = new ArrayList<>();
        claim.ifPresent(c -> batch.add(keys.claim(customer.subject(), c.key(), c.fingerprint(), now)));
        int firstReservation = batch.size();
        for (int index : byProduct) {
            batch.add(products.reserveStock(
                    items.get(index).productId(), items.get(index).quantity(), now));
        }
        batch.add(orders.insert(orderId, customer.subject(), now));
        batch.add(orders.lines(orderId, items));
        batch.add(orders.priced(orderId));
        batch.add(payments.store(orderId, claim.map(Claim::key), now));
        batch.addAll(transitions.placed(orderId, now));
        claim.ifPresent(c -> batch.add(keys.complete(customer.subject(), c.key(), orderId)));
        batch.add(ids.draw()); // the next order's id, in this round trip
        List<Pipeline.Result> results = pipeline.runThenCommit(batch);
        ids.drawn(OrderIds.id(results.getLast()), now);
        Map<Long, OrderLine> lines = new HashMap<>();
        for (int k = 0; k < byProduct.size(); k++) {
            OrderItem item = items.get(byProduct.get(k));
            // The lines' statement refused a missing product, so each reservation returned its row.
            ProductRepository.StockTaken taken = products.reserved(results.get(firstReservation + k))
                    .orElseThrow(() -> new IllegalStateException("Reserved product " + item.productId() + " vanished"));
            lines.put(
                    item.productId(),
                    new OrderLine(taken.productId(), taken.name(), item.quantity(), taken.unitPrice()));
        }
        List<OrderLine> ordered =
                items.stream().map(item -> lines.get(item.productId())).toList();
        return new Order(orderId, customer.subject(), OrderStatus.PENDING, total(ordered), ordered, now, now);
    }

    /**
     * Why a placing transaction that failed was refused, read after its roll-back: the first line, in product id
     * order (the order the stock is taken in), whose product is missing or short, else a total beyond what an order
     * may hold. Empty when the products as they are now would serve the order.
     */
    private Optional<ServiceException> refusal(List<OrderItem> items) {
        List<Integer> byProduct = inProductOrder(items);
        BigDecimal total = BigDecimal.ZERO;
        for (int index : byProduct) {
            OrderItem item = items.get(index);
            Optional<Product> product = products.findById(db.execute(), item.productId());
            if (product.isEmpty()) {
                return Optional.of(ServiceException.unprocessable(
                        "Product " + item.productId() + " does not exist.",
                        List.of(new FieldError("lines[" + index + "].productId", "no such product"))));
            }
            Product found = product.get();
            if (found.stock() < item.quantity()) {
                return Optional.of(new ServiceException(
                        ServiceException.Kind.INSUFFICIENT_STOCK,
                        "Product " + found.id() + " ('" + found.name() + "') has " + found.stock() + " in stock; "
                                + item.quantity() + " requested. Nothing was ordered.",
                        List.of(new FieldError(
                                "lines[" + index + "].quantity",
                                "only " + found.stock() + " in stock for product " + found.id()))));
            }
            total = total.add(found.price().multiply(BigDecimal.valueOf(item.quantity())));
        }
        if (total.compareTo(MAX_TOTAL) > 0) {
            return Optional.of(ServiceException.unprocessable(
                    "The order's total " + total.toPlainString() + " exceeds the maximum of "
                            + MAX_TOTAL.toPlainString()
                            + " for one order; split it into smaller orders. Nothing was ordered.",
                    List.of(new FieldError("lines", "total must be at most " + MAX_TOTAL.toPlainString()))));
        }
        return Optional.empty();
    }

    /** The indexes of {@code items} in the order their stock is taken: by product id. */
    private static List<Integer> inProductOrder(List<OrderItem> items) {
        List<Integer> byProduct = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            byProduct.add(i);
        }
        byProduct.sort(Comparator.comparingLong(i -> items.get(i).productId()));
        return byProduct;
    }

    private static BigDecimal total(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
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
        String body = response.body().orElseGet(() -> json(asPlaced(response.orderId())));
        return new OrderPlacement(response.orderId(), body, true);
    }

    /**
     * The order as its placing request returned it: its lines and total never change, and it was PENDING and not
     * yet updated. The key's row refers to the order (deleting it deletes the key), so it exists.
     */
    private Order asPlaced(long orderId) {
        Order now = orders.findById(db.execute(), orderId)
                .orElseThrow(() -> new IllegalStateException("Order " + orderId + " of an idempotency key is gone"));
        return new Order(
                now.id(),
                now.customer(),
                OrderStatus.PENDING,
                now.total(),
                now.lines(),
                now.createdAt(),
                now.createdAt());
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
}
