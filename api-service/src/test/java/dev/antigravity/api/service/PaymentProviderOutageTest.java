package dev.antigravity.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import dev.antigravity.api.db.Database;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is lost while Stripe cannot be reached: an order is still placed (its payment stays
 * CREATING with the reason) and a paid order is still cancelled (its refund stays due); once the
 * provider answers, the retry job creates the PaymentIntent and issues the refund, once. Two
 * service instances over one PostgreSQL schema stand for "before" and "after" the outage: one
 * whose Stripe is a closed port, one whose Stripe is stripe-mock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentProviderOutageTest {
    private final MutableClock clock = new MutableClock(Instant.now());
    private Database database;
    private DomainServices down;
    private DomainServices up;

    @BeforeAll
    void wire() {
        String stripe = StripeMock.url();
        database = TestDatabases.postgres();
        down = services("http://127.0.0.1:1");
        up = services(stripe);
    }

    @AfterAll
    void close() {
        if (database != null) { // null when the set-up skipped: no PostgreSQL or stripe-mock
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
            assertThat(logs.atOrAbove(Level.WARNING)).anySatisfy(line -> assertThat(line)
                    .contains("order " + placed.orderId(), "not created with stripe"));
        }
        Payment waiting = down.payments().forOrder(customer, placed.orderId());
        assertThat(waiting.status()).isEqualTo(PaymentStatus.CREATING);
        assertThat(waiting.failure()).contains("Stripe failed creating the PaymentIntent");
        assertThat(waiting.providerPaymentId()).isNull();

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
        Product product = Fixtures.product(up, Fixtures.unique("refund"), "3.00", 10);
        Actor customer = Fixtures.customer();
        long id = up.orders().place(customer, order(product), Optional.empty()).orderId();
        String intent = up.payments().forOrder(customer, id).providerPaymentId();
        up.payments().receive(new ProviderEvent("evt_" + id, PaymentService.PAYMENT_SUCCEEDED, Optional.of(intent),
                Optional.empty()), "corr-webhook");
        assertThat(up.orders().get(customer, id).status()).isEqualTo(OrderStatus.PAID);

        Order cancelled = down.orders().changeStatus(customer, id, new StatusChange("CANCELLED", null));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(down.payments().forOrder(customer, id).status()).isEqualTo(PaymentStatus.SUCCEEDED);

        assertThat(up.payments().retry("corr-retry")).isGreaterThanOrEqualTo(1);
        assertThat(up.orders().get(customer, id).status()).isEqualTo(OrderStatus.REFUNDED);
        Payment refunded = up.payments().forOrder(customer, id);
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.refundId()).startsWith("re_");
        assertThat(up.payments().retry("corr-again")).isZero();
    }

    private DomainServices services(String stripeUrl) {
        PaymentProviders providers = PaymentProviders.from(Config.just(ConfigSources.create(Map.of(
                "stripe.key", StripeMock.SECRET_KEY, "stripe.url", stripeUrl, "stripe.timeout", "PT1S",
                "webhook.secret", "whsec_outage_test"))), clock);
        return DomainServices.create(database.dbClient(), clock, Metrics.globalRegistry(), OrderRules.DEFAULTS,
                providers.gateway(), providers.currency());
    }

    private static OrderRequest order(Product product) {
        return new OrderRequest(List.of(new OrderRequest.Line(product.id(), 1)));
    }
}
