package dev.antigravity.api.service;

import dev.antigravity.api.cache.CatalogueCache;
import dev.antigravity.api.repository.AuditRepository;
import dev.antigravity.api.repository.IdempotencyRepository;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import dev.antigravity.api.repository.OrderRepository;
import dev.antigravity.api.repository.PaymentRepository;
import dev.antigravity.api.repository.ProductRepository;
import dev.antigravity.api.repository.StatsRepository;
import dev.antigravity.api.repository.UserRepository;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.metrics.api.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The domain services wired over one database; built once at start-up (and by tests). Closed when
 * the server stops, before the database pool: the payments' pending records are written then.
 */
public record DomainServices(
        UserService users, ProductService products, OrderService orders, AdminService admin, PaymentService payments)
        implements AutoCloseable {
    /** The currency of the embedded default; {@code payments.currency} in application.yaml. */
    public static final String DEFAULT_CURRENCY = "usd";

    public static DomainServices create(DbClient db, Clock clock, MeterRegistry metrics) {
        return create(db, clock, metrics, OrderRules.DEFAULTS);
    }

    /** Payments through the local provider (no money moves), as in the embedded default. */
    public static DomainServices create(DbClient db, Clock clock, MeterRegistry metrics, OrderRules orderRules) {
        return create(
                db,
                clock,
                new OrderMetrics(metrics),
                orderRules,
                new LocalPaymentGateway(),
                DEFAULT_CURRENCY,
                CatalogueCache.NONE);
    }

    /** @param ordersProcessed told the outcome of every order processed (placed, paid, cancelled, expired) */
    public static DomainServices create(
            DbClient db, Clock clock, MeterRegistry metrics, OrderRules orderRules, Consumer<String> ordersProcessed) {
        return create(
                db,
                clock,
                new OrderMetrics(metrics, ordersProcessed, reason -> {}),
                orderRules,
                new LocalPaymentGateway(),
                DEFAULT_CURRENCY,
                CatalogueCache.NONE);
    }

    public static DomainServices create(
            DbClient db,
            Clock clock,
            MeterRegistry metrics,
            OrderRules orderRules,
            PaymentGateway gateway,
            String currency) {
        return create(db, clock, new OrderMetrics(metrics), orderRules, gateway, currency, CatalogueCache.NONE);
    }

    /** Every product write, by whichever service, is reported to {@code cache} once committed. */
    public static DomainServices create(
            DbClient db, Clock clock, MeterRegistry metrics, OrderRules orderRules, CatalogueCache cache) {
        return create(
                db, clock, new OrderMetrics(metrics), orderRules, new LocalPaymentGateway(), DEFAULT_CURRENCY, cache);
    }

    /**
     * @param ordersProcessed told the outcome of every order processed (placed, paid, cancelled, expired)
     * @param paymentFailures told the reason of every payment that failed (create, refund, declined)
     * @param paymentRecords {@code payments.records}: how the created PaymentIntents are recorded in batches
     */
    public static DomainServices create(
            DbClient db,
            Clock clock,
            MeterRegistry metrics,
            OrderRules orderRules,
            PaymentGateway gateway,
            String currency,
            CatalogueCache cache,
            Consumer<String> ordersProcessed,
            Consumer<String> paymentFailures,
            Config paymentRecords) {
        return create(
                db,
                clock,
                new OrderMetrics(metrics, ordersProcessed, paymentFailures),
                orderRules,
                gateway,
                currency,
                cache,
                CreatedIntentRecorder.Settings.from(paymentRecords));
    }

    private static DomainServices create(
            DbClient db,
            Clock clock,
            OrderMetrics orderMetrics,
            OrderRules orderRules,
            PaymentGateway gateway,
            String currency,
            CatalogueCache cache) {
        return create(
                db, clock, orderMetrics, orderRules, gateway, currency, cache, CreatedIntentRecorder.Settings.DEFAULTS);
    }

    /** Payments through {@code gateway}, their created intents recorded as {@code recording} says (tests). */
    static DomainServices create(
            DbClient db, Clock clock, PaymentGateway gateway, CreatedIntentRecorder.Settings recording) {
        return create(
                db,
                clock,
                new OrderMetrics(io.helidon.metrics.api.Metrics.globalRegistry()),
                OrderRules.DEFAULTS,
                gateway,
                DEFAULT_CURRENCY,
                CatalogueCache.NONE,
                recording);
    }

    @Override
    public void close() {
        payments.close();
    }

    private static DomainServices create(
            DbClient db,
            Clock clock,
            OrderMetrics orderMetrics,
            OrderRules orderRules,
            PaymentGateway gateway,
            String currency,
            CatalogueCache cache,
            CreatedIntentRecorder.Settings recording) {
        AuditRepository auditLog = new AuditRepository();
        AuditTrail audit = new AuditTrail(auditLog);
        ProductRepository products = new ProductRepository(cache::productsChanged);
        OrderRepository orders = new OrderRepository();
        UserRepository users = new UserRepository();
        OrderNotifications notifications = new OrderNotifications(new NotificationOutboxRepository());
        OrderTransitions transitions = new OrderTransitions(products, orders, audit, notifications);
        PaymentService payments = new PaymentService(
                db, new PaymentRepository(), orders, transitions, gateway, recording, orderMetrics, currency, clock);
        return new DomainServices(
                new UserService(db, users, audit, clock),
                new ProductService(db, products, audit, clock, cache),
                new OrderService(
                        db,
                        products,
                        orders,
                        new IdempotencyRepository(),
                        transitions,
                        payments,
                        orderMetrics,
                        orderRules,
                        clock),
                new AdminService(db, auditLog, new StatsRepository()),
                payments);
    }
}
