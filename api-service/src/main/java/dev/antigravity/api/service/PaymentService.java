package dev.antigravity.api.service;

import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.Payment;
import dev.antigravity.api.model.PaymentStatus;
import dev.antigravity.api.repository.Constraints;
import dev.antigravity.api.repository.CreatedIntent;
import dev.antigravity.api.repository.OrderRepository;
import dev.antigravity.api.repository.PaymentRepository;
import dev.antigravity.api.repository.Sql;
import dev.antigravity.api.repository.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Payments of orders through a {@link PaymentGateway}: a payment is stored with its order and
 * created with the provider right after the order commits (the provider call never holds a
 * database transaction); provider events move it and its order, each event once; a paid order
 * that ends cancelled (or a payment that arrives for an expired order) is refunded.
 * Nothing is lost when the provider is down: the payment stays CREATING, or the refund stays due,
 * and {@link #retry} (a periodic job) asks again.
 */
public final class PaymentService implements AutoCloseable {
    static final String PAYMENT_SUCCEEDED = "payment_intent.succeeded";
    static final String PAYMENT_FAILED = "payment_intent.payment_failed";
    /** A payment still CREATING this long after its order is retried by the sweep, not by the placing request. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private static final int RETRY_BATCH = 100;
    /** Stripe's limit for an idempotency key. */
    private static final int MAX_PROVIDER_KEY = 255;

    private static final System.Logger LOG = System.getLogger(PaymentService.class.getName());

    private final DbClient db;
    private final Transactions transactions;
    private final PaymentRepository payments;
    private final OrderRepository orders;
    private final OrderTransitions transitions;
    private final PaymentGateway gateway;
    private final CreatedIntentRecorder records;
    private final OrderMetrics metrics;
    private final String currency;
    private final Clock clock;

    PaymentService(
            DbClient db,
            PaymentRepository payments,
            OrderRepository orders,
            OrderTransitions transitions,
            PaymentGateway gateway,
            CreatedIntentRecorder.Settings recording,
            OrderMetrics metrics,
            String currency,
            Clock clock) {
        this.db = db;
        this.transactions = new Transactions(db);
        this.payments = payments;
        this.orders = orders;
        this.transitions = transitions;
        this.gateway = gateway;
        this.records = new CreatedIntentRecorder(db, payments, recording);
        this.metrics = metrics;
        this.currency = currency;
        this.clock = clock;
    }

    /**
     * The statement storing the payment a new order needs, for the order's pipeline after the order's statements:
     * the order's total, from its row. The provider's idempotency key carries the order's Idempotency-Key (scoped by
     * the order id, since customers' keys may coincide), so however often the creation is retried, one
     * PaymentIntent.
     */
    Sql store(long orderId, Optional<String> idempotencyKey, Instant now) {
        return payments.insert(orderId, gateway.name(), providerKey(orderId, idempotencyKey), currency, now);
    }

    /** The payment {@link #store} stored for {@code order} (committed), to be created with the provider next. */
    Staged staged(Order order, Optional<String> idempotencyKey) {
        return new Staged(order.id(), cents(order.total()), currency, providerKey(order.id(), idempotencyKey));
    }

    /**
     * Creates the PaymentIntent of a payment just staged (its order committed) and hands what the
     * provider answered to the {@link CreatedIntentRecorder}, which writes it with other orders'
     * shortly after: the order's response needs nothing from the provider. A provider failure is
     * recorded on the payment and logged, never thrown: the order stands, and the payment is asked
     * for again.
     */
    void open(Staged staged) {
        create(staged, records::record);
    }

    /**
     * {@link #open(Staged)} for an order's payment still CREATING (a replayed order, a read, the retry
     * job), written at once since the caller reads it next. An intent created by this task whose record
     * is still pending is written from that record: the provider is not asked twice.
     */
    void open(long orderId) {
        Optional<CreatedIntent> recorded = records.pending(orderId);
        if (recorded.isPresent()) {
            recordNow(recorded.get());
            return;
        }
        payments.findByOrder(db.execute(), orderId)
                .filter(payment -> payment.status() == PaymentStatus.CREATING)
                .ifPresent(payment -> create(
                        new Staged(
                                payment.orderId(), payment.amountCents(), payment.currency(), payment.idempotencyKey()),
                        this::recordNow));
    }

    /** Writes the records still pending (the server stopping, before the database pool closes). */
    @Override
    public void close() {
        records.close();
    }

    /** The payment of an order the caller may see (an administrator any, a customer its own). */
    public Payment forOrder(Actor actor, long orderId) {
        if (orders.findById(db.execute(), orderId)
                .filter(order -> actor.admin() || order.customer().equals(actor.subject()))
                .isEmpty()) {
            throw ServiceException.notFound("Order " + orderId + " does not exist.");
        }
        open(orderId); // a payment the provider has not created yet is asked for again when someone looks
        return payments.findByOrder(db.execute(), orderId)
                .orElseThrow(() -> ServiceException.notFound("Order " + orderId + " has no payment."));
    }

    /**
     * Applies a verified provider event once. Events for payments this service does not know,
     * and types it does not act on, are recorded and ignored with a log line (the provider needs
     * a 2xx, or it redelivers for days).
     */
    public WebhookOutcome receive(ProviderEvent event, String correlationId) {
        if (payments.eventProcessed(db.execute(), event.id())) {
            LOG.log(System.Logger.Level.INFO, "Provider event " + event.id() + " was already processed; ignored");
            return WebhookOutcome.DUPLICATE;
        }
        Actor system = Actor.system("payments", correlationId);
        Instant now = Clocks.now(clock);
        Effect effect;
        try {
            effect = transactions.inTransaction(tx -> {
                Effect applied = apply(tx, system, event, now);
                payments.recordEvent(
                        tx, event.id(), event.type(), applied.outcome().name(), now);
                return applied;
            });
        } catch (RuntimeException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "Provider event " + event.id() + " was processed concurrently; ignored");
            return WebhookOutcome.DUPLICATE;
        }
        effect.paid().ifPresent(order -> metrics.orderPaid(order.total()));
        if (effect.declined()) { // counted once committed, like a payment that succeeded
            metrics.paymentFailed(OrderMetrics.PaymentFailure.declined);
        }
        effect.refundDue().ifPresent(orderId -> refundQuietly(system, orderId));
        return effect.outcome();
    }

    /**
     * Refunds a paid order that was just cancelled and marks it REFUNDED. If the provider cannot
     * be reached the order stays CANCELLED with its refund due, and {@link #retry} refunds it.
     */
    Order refundCancelled(Actor actor, Order cancelled) {
        return refundQuietly(actor, cancelled.id()).orElse(cancelled);
    }

    /**
     * The sweep: payments whose creation failed, and refunds still due. Safe on every task at
     * once (one idempotency key per payment and per refund, conditional updates).
     *
     * @return payments created plus orders refunded by this call
     */
    public int retry(String correlationId) {
        Actor system = Actor.system("payment-retry", correlationId);
        int done = 0;
        for (long orderId :
                payments.stillCreating(db.execute(), Clocks.now(clock).minus(RETRY_AFTER), RETRY_BATCH)) {
            open(orderId);
            done += payments.findByOrder(db.execute(), orderId)
                            .filter(payment -> payment.status() != PaymentStatus.CREATING)
                            .isPresent()
                    ? 1
                    : 0;
        }
        for (long orderId : payments.refundsDue(db.execute(), RETRY_BATCH)) {
            done += refundQuietly(system, orderId).isPresent() ? 1 : 0;
        }
        return done;
    }

    private void create(Staged payment, Consumer<CreatedIntent> recorder) {
        PaymentGateway.ProviderIntent intent;
        try {
            intent = gateway.createIntent(
                    payment.orderId(), payment.amountCents(), payment.currency(), payment.idempotencyKey());
        } catch (PaymentProviderException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Payment of order " + payment.orderId() + " not created with " + gateway.name()
                            + " (retried later): " + e.getMessage());
            metrics.paymentFailed(OrderMetrics.PaymentFailure.create);
            payments.creationFailed(db.execute(), payment.orderId(), e.getMessage(), Clocks.now(clock));
            return;
        }
        recorder.accept(new CreatedIntent(payment.orderId(), intent.id(), intent.clientSecret(), Clocks.now(clock)));
    }

    private void recordNow(CreatedIntent intent) {
        payments.created(db.execute(), intent.orderId(), intent.intentId(), intent.clientSecret(), intent.at());
    }

    private Effect apply(DbExecute tx, Actor system, ProviderEvent event, Instant now) {
        boolean succeeded = PAYMENT_SUCCEEDED.equals(event.type());
        if (!succeeded && !PAYMENT_FAILED.equals(event.type())) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Provider event " + event.id() + " of type " + event.type()
                            + " ignored: not a type this service acts on");
            return Effect.IGNORED;
        }
        Optional<Payment> found = event.paymentId()
                .flatMap(id -> payments.findByProviderPayment(tx, id).or(() -> adopted(tx, event, id, now)));
        if (found.isEmpty()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Provider event " + event.id() + " (" + event.type()
                            + ") names PaymentIntent " + event.paymentId().orElse("(none)")
                            + ", which belongs to no order here; ignored");
            return Effect.IGNORED;
        }
        Payment payment = found.get();
        if (payment.status() == PaymentStatus.SUCCEEDED || payment.status() == PaymentStatus.REFUNDED) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Provider event " + event.id() + " (" + event.type() + ") for order " + payment.orderId()
                            + " ignored: its payment is already " + payment.status());
            return Effect.IGNORED;
        }
        if (!succeeded) {
            String failure = event.failure().orElse("the provider reported no reason");
            requireUnchanged(
                    payments.attempted(
                            tx, payment.orderId(), payment.status(), PaymentStatus.FAILED, Optional.of(failure), now),
                    payment);
            LOG.log(
                    System.Logger.Level.INFO,
                    "Payment of order " + payment.orderId() + " failed (" + failure + "); the order stays payable");
            return Effect.DECLINED;
        }
        requireUnchanged(
                payments.attempted(
                        tx, payment.orderId(), payment.status(), PaymentStatus.SUCCEEDED, Optional.empty(), now),
                payment);
        Order order = orders.findById(tx, payment.orderId()).orElseThrow();
        if (order.status() != OrderStatus.PENDING) {
            // Paid after it was cancelled or expired: the stock is gone, so the money goes back.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Payment of order " + order.id() + " succeeded while the order is " + order.status()
                            + "; refunding it");
            return new Effect(WebhookOutcome.PROCESSED, Optional.empty(), Optional.of(order.id()));
        }
        Order paid = transitions
                .move(
                        tx,
                        system,
                        order,
                        OrderStatus.PAID,
                        Optional.of(
                                "payment " + event.paymentId().orElseThrow() + " succeeded (event " + event.id() + ")"),
                        now)
                .order();
        return new Effect(WebhookOutcome.PROCESSED, Optional.of(paid), Optional.empty());
    }

    /**
     * The payment of an intent whose creation is not recorded yet (the record still pending, or lost
     * with a task; Stripe answered after our time-out): the intent names its order in its metadata,
     * and that order's payment, if still CREATING and for the same amount, takes the intent (the same conditional write as a
     * record, so a record landing meanwhile makes this one a no-op, and is then read back). A
     * payment that already has another intent is left alone. Without this the event would be
     * ignored, and the provider does not redeliver an event it got a 2xx for.
     */
    private Optional<Payment> adopted(DbExecute tx, ProviderEvent event, String intentId, Instant now) {
        if (event.intent().isEmpty()) {
            return Optional.empty();
        }
        ProviderEvent.Intent intent = event.intent().get();
        long orderId = intent.orderId();
        // The intent must be the one this payment asked for: same amount and currency (an intent made elsewhere on
        // the account with a stray order_id is not adopted).
        if (payments.findByOrder(tx, orderId)
                .filter(p ->
                        p.amountCents() == intent.amountCents() && p.currency().equals(intent.currency()))
                .isEmpty()) {
            return Optional.empty();
        }
        if (payments.created(tx, orderId, intentId, intent.clientSecret().orElse(null), now)) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Provider event " + event.id() + " names PaymentIntent " + intentId + " of order " + orderId
                            + ", whose creation was not recorded yet; the payment takes it");
        }
        return payments.findByProviderPayment(tx, intentId);
    }

    /**
     * Another event for the same payment committed between our read and our update: refuse (409,
     * nothing recorded) so that the provider redelivers this event and it is applied to the new state.
     */
    private static void requireUnchanged(boolean updated, Payment payment) {
        if (!updated) {
            throw ServiceException.conflict("The payment of order " + payment.orderId()
                    + " was changed by a concurrent event; redeliver this one.");
        }
    }

    /** The refund of a SUCCEEDED payment on an order that ended unfulfilled; empty if not done now. */
    private Optional<Order> refundQuietly(Actor actor, long orderId) {
        Optional<Payment> payment =
                payments.findByOrder(db.execute(), orderId).filter(p -> p.status() == PaymentStatus.SUCCEEDED);
        if (payment.isEmpty()) {
            return Optional.empty();
        }
        String refundId;
        try {
            refundId = gateway.refund(payment.get().providerPaymentId(), "refund-order-" + orderId);
        } catch (PaymentProviderException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Refund of order " + orderId + " failed with " + gateway.name() + " (retried later): "
                            + e.getMessage());
            metrics.paymentFailed(OrderMetrics.PaymentFailure.refund);
            return Optional.empty();
        }
        Instant now = Clocks.now(clock);
        try {
            return Optional.of(transactions.inTransaction(tx -> {
                Order order = orders.findById(tx, orderId).orElseThrow();
                if (!payments.refunded(tx, orderId, refundId, now)) {
                    throw ServiceException.conflict("Order " + orderId + " was refunded by another request.");
                }
                return transitions
                        .move(
                                tx,
                                actor,
                                order,
                                OrderStatus.REFUNDED,
                                Optional.of("refund " + refundId + " of payment "
                                        + payment.get().providerPaymentId()),
                                now)
                        .order();
            }));
        } catch (ServiceException lost) {
            if (lost.kind() != ServiceException.Kind.CONFLICT) {
                throw lost;
            }
            return Optional.empty(); // refunded by a concurrent sweep: one refund id either way
        }
    }

    static long cents(BigDecimal total) {
        return total.movePointRight(2).longValueExact();
    }

    static String providerKey(long orderId, Optional<String> idempotencyKey) {
        String key = "order-" + orderId + idempotencyKey.map(k -> "-" + k).orElse("");
        return key.length() <= MAX_PROVIDER_KEY ? key : "order-" + orderId + "-sha256-" + sha256(idempotencyKey.get());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A payment stored CREATING: what the provider is to be asked for, and with which key. */
    record Staged(long orderId, long amountCents, String currency, String idempotencyKey) {}

    /** What applying an event did, and what must follow its commit. */
    private record Effect(WebhookOutcome outcome, Optional<Order> paid, Optional<Long> refundDue, boolean declined) {
        static final Effect IGNORED = new Effect(WebhookOutcome.IGNORED, Optional.empty(), Optional.empty(), false);
        static final Effect DECLINED = new Effect(WebhookOutcome.PROCESSED, Optional.empty(), Optional.empty(), true);

        Effect(WebhookOutcome outcome, Optional<Order> paid, Optional<Long> refundDue) {
            this(outcome, paid, refundDue, false);
        }
    }
}
