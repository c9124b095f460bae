package dev.antigravity.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.cache.CatalogueCache;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.metrics.EmfCapture;
import dev.antigravity.api.metrics.EmfCounts;
import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.Payment;
import dev.antigravity.api.model.PaymentStatus;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.payment.PaymentProviders;
import dev.antigravity.api.testsupport.LogCapture;
import dev.antigravity.api.testsupport.StripeMock;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.metrics.api.Metrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Nothing is lost while Stripe cannot be reached: an order is still placed (its payment stays
 * CREATING with the reason) and a paid order is still cancelled (its refund stays due); once the
 * provider answers, the retry job creates the PaymentIntent and issues the refund, once. Two
 * service instances over one PostgreSQL schema stand for "before" and "after" the outage: one
 * whose Stripe is a closed port, one whose Stripe is stripe-mock. Every failure is counted (EMF
 * {@code PaymentFailures} by reason).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentProviderOutageTest {
    private final MutableClock clock = new MutableClock(Instant.now());
    private Database database;
    private DomainServices down;
    private DomainServices up;
    private final EmfCapture downFailures = new EmfCapture();
    private final EmfCapture upFailures = new EmfCapture();

    @BeforeAll
    void wire() {
        String stripe = StripeMock.url();
        database = TestDatabases.postgres();
        down = services("http://127.0.0.1:1", downFailures);
        up = services(stripe, upFailures);
    }

    @AfterAll
    void close() {
        if (database != null) { // null when the set-up skipped: no PostgreSQL or stripe-mock
            down.close(); // their payment records written while the database is still open
            up.close();
            database.close();
        }
    }

    @Test
    void anOrderPlacedWhileStripeIsDownGetsItsPaymentIntentOnceItIsBack() {
        Product product = Fixtures.product(down, Fixtures.unique("outage"), "4.00", 10);
        Actor customer = Fixtures.customer();
        OrderPlacement placed;
        try (LogCapture logs = LogCapture.start()) {
            placed = down.orders().place(customer, order(product), Optional.of("key-1"));
            assertThat(logs.atOrAbove(Level.WARNING))
                    .anySatisfy(
                            line -> assertThat(line).contains("order " + placed.orderId(), "not created with stripe"));
        }
        Payment waiting = down.payments().forOrder(customer, placed.orderId());
        assertThat(waiting.status()).isEqualTo(PaymentStatus.CREATING);
        assertThat(waiting.failure()).contains("Stripe failed creating the PaymentIntent");
        assertThat(waiting.providerPaymentId()).isNull();
        assertThat(downFailures.points(EmfCounts.PAYMENT_FAILURES))
                .extracting(EmfCapture.Point::dimensions)
                .contains(Map.of("Service", "api-test", "Reason", "create"));

        clock.advance(PaymentService.RETRY_AFTER.plusSeconds(1));
        assertThat(up.payments().retry("corr-retry")).isGreaterThanOrEqualTo(1);

        Payment created = up.payments().forOrder(customer, placed.orderId());
        assertThat(created.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
        assertThat(created.providerPaymentId()).startsWith("pi_");
        assertThat(created.failure()).isNull();
        assertThat(created.idempotencyKey()).isEqualTo("order-" + placed.orderId() + "-key-1");
    }

    @Test
    void aPaidOrderCancelledWhileStripeIsDownIsRefundedOnceItIsBack() {
        Actor customer = Fixtures.customer();
        long id = placedWithStripe(customer, "refund", "3.00");
        String intent = up.payments().forOrder(customer, id).providerPaymentId();
        up.payments()
                .receive(
                        new ProviderEvent(
                                "evt_" + id, PaymentService.PAYMENT_SUCCEEDED, Optional.of(intent), Optional.empty()),
                        "corr-webhook");
        assertThat(up.orders().get(customer, id).status()).isEqualTo(OrderStatus.PAID);

        Order cancelled = down.orders().changeStatus(customer, id, new StatusChange("CANCELLED", null));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(down.payments().forOrder(customer, id).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(downFailures.points(EmfCounts.PAYMENT_FAILURES))
                .extracting(EmfCapture.Point::dimensions)
                .contains(Map.of("Service", "api-test", "Reason", "refund"));

        assertThat(up.payments().retry("corr-retry")).isGreaterThanOrEqualTo(1);
        assertThat(up.orders().get(customer, id).status()).isEqualTo(OrderStatus.REFUNDED);
        Payment refunded = up.payments().forOrder(customer, id);
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.refundId()).startsWith("re_");
        assertThat(up.payments().retry("corr-again")).isZero();
    }

    @Test
    void aPaymentTheProviderReportsFailedIsCountedAsDeclinedOnce() {
        Actor customer = Fixtures.customer();
        long id = placedWithStripe(customer, "declined", "2.00");
        String intent = up.payments().forOrder(customer, id).providerPaymentId();
        ProviderEvent failed = new ProviderEvent(
                "evt_declined_" + id, PaymentService.PAYMENT_FAILED, Optional.of(intent), Optional.of("card_declined"));
        int before = upFailures.points(EmfCounts.PAYMENT_FAILURES).size();

        up.payments().receive(failed, "corr-webhook");
        up.payments().receive(failed, "corr-redelivered");

        List<EmfCapture.Point> points = upFailures.points(EmfCounts.PAYMENT_FAILURES);
        assertThat(points.subList(before, points.size()))
                .extracting(EmfCapture.Point::dimensions)
                .containsExactly(Map.of("Service", "api-test", "Reason", "declined"));
    }

    /** An order of one new product, placed while Stripe answers (its PaymentIntent exists). */
    private long placedWithStripe(Actor customer, String name, String price) {
        Product product = Fixtures.product(up, Fixtures.unique(name), price, 10);
        return up.orders().place(customer, order(product), Optional.empty()).orderId();
    }

    private DomainServices services(String stripeUrl, EmfCapture failures) {
        PaymentProviders providers = PaymentProviders.from(
                Config.just(ConfigSources.create(Map.of(
                        "stripe.key",
                        StripeMock.SECRET_KEY,
                        "stripe.url",
                        stripeUrl,
                        "stripe.timeout",
                        "PT1S",
                        "webhook.secret",
                        "whsec_outage_test"))),
                clock);
        return DomainServices.create(
                database.dbClient(),
                clock,
                Metrics.globalRegistry(),
                OrderRules.DEFAULTS,
                providers.gateway(),
                providers.currency(),
                CatalogueCache.NONE,
                outcome -> {},
                EmfCounts.paymentFailures(failures.aggregator(), "api-test"),
                Config.empty());
    }

    private static OrderRequest order(Product product) {
        return new OrderRequest(List.of(new OrderRequest.Line(product.id(), 1)));
    }
}
