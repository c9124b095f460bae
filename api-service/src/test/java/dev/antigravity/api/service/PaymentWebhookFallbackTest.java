package dev.antigravity.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.Payment;
import dev.antigravity.api.model.PaymentStatus;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.payment.PaymentProviders;
import dev.antigravity.api.testsupport.StripeMock;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A webhook is never lost because its payment does not know its PaymentIntent yet (the intent's
 * record not written: Stripe answered after a time-out, or the record is still pending): the event
 * names the order in the intent's {@code metadata[order_id]}, and the CREATING payment adopts the
 * intent. Signed events through the real verifier (stripe-java), on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentWebhookFallbackTest {
    private static final String SECRET =
            "whsec_fallback_" + UUID.randomUUID().toString().replace("-", "");
    private final MutableClock clock = new MutableClock(Instant.now());
    private Database database;
    private DomainServices stripeDown;
    private PaymentProviders providers;

    @BeforeAll
    void wire() {
        StripeMock.url(); // the convention: skip or fail without stripe-mock, like the other payment tests
        database = TestDatabases.postgres();
        providers = PaymentProviders.from(
                Config.just(ConfigSources.create(Map.of(
                        "stripe.key",
                        StripeMock.SECRET_KEY,
                        "stripe.url",
                        "http://127.0.0.1:1",
                        "stripe.timeout",
                        "PT1S",
                        "webhook.secret",
                        SECRET))),
                clock);
        // The factory for tests with their own gateway (currency "usd", like these providers').
        stripeDown = DomainServices.create(
                database.dbClient(), clock, providers.gateway(), CreatedIntentRecorder.Settings.DEFAULTS);
    }

    @AfterAll
    void close() {
        if (database != null) {
            stripeDown.close(); // its payment records written while the database is still open
            database.close();
        }
    }

    @Test
    void aSucceededEventForAPaymentStillCreatingPaysTheOrderByItsMetadata() throws Exception {
        Actor customer = Fixtures.customer();
        long order = placed(customer);
        assertThat(stripeDown.payments().forOrder(customer, order).status()).isEqualTo(PaymentStatus.CREATING);
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");

        WebhookOutcome outcome = deliver(event("payment_intent.succeeded", intent, order));

        assertThat(outcome).isEqualTo(WebhookOutcome.PROCESSED);
        assertThat(stripeDown.orders().get(customer, order).status()).isEqualTo(OrderStatus.PAID);
        Payment paid = stripeDown.payments().forOrder(customer, order);
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(paid.providerPaymentId()).isEqualTo(intent);
        assertThat(paid.clientSecret()).isEqualTo(intent + "_secret_abc");
    }

    @Test
    void aMetadataOrderWhosePaymentHasAnotherIntentIsNotTouched() throws Exception {
        Actor customer = Fixtures.customer();
        long order = placed(customer);
        String first = "pi_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(deliver(event("payment_intent.payment_failed", first, order)))
                .isEqualTo(WebhookOutcome.PROCESSED);

        String other = "pi_" + UUID.randomUUID().toString().replace("-", "");
        WebhookOutcome outcome = deliver(event("payment_intent.succeeded", other, order));

        assertThat(outcome).isEqualTo(WebhookOutcome.IGNORED);
        assertThat(stripeDown.orders().get(customer, order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(stripeDown.payments().forOrder(customer, order).providerPaymentId())
                .isEqualTo(first);
    }

    @Test
    void anIntentForAnotherAmountIsNotAdoptedWhateverOrderItNames() throws Exception {
        Actor customer = Fixtures.customer();
        long order = placed(customer);
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");

        WebhookOutcome outcome = deliver(event("payment_intent.succeeded", intent, order, 999));

        assertThat(outcome).isEqualTo(WebhookOutcome.IGNORED);
        assertThat(stripeDown.orders().get(customer, order).status()).isEqualTo(OrderStatus.PENDING);
        Payment untouched = stripeDown.payments().forOrder(customer, order);
        assertThat(untouched.status()).isEqualTo(PaymentStatus.CREATING);
        assertThat(untouched.providerPaymentId()).isNull();
    }

    private long placed(Actor customer) {
        Product product = Fixtures.product(stripeDown, Fixtures.unique("fallback"), "2.50", 10);
        return stripeDown
                .orders()
                .place(customer, new OrderRequest(List.of(new OrderRequest.Line(product.id(), 1))), Optional.empty())
                .orderId();
    }

    private WebhookOutcome deliver(String payload) throws Exception {
        String signature = Webhook.Signature.generateSignatureHeader(
                payload, SECRET, Instant.now().getEpochSecond());
        return stripeDown.payments().receive(providers.webhooks().verify(payload, signature), "corr-webhook");
    }

    /** A Stripe event about PaymentIntent {@code intent} of {@code order} (its metadata, as our form sets it). */
    static String event(String type, String intent, long order) {
        return event(type, intent, order, 250);
    }

    /** The same for an intent of {@code amountCents}. */
    static String event(String type, String intent, long order, long amountCents) {
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"api_version\":\"2025-01-27.acacia\",\"created\":"
                + Instant.now().getEpochSecond() + ","
                + "\"livemode\":false,\"type\":\"" + type + "\",\"data\":{\"object\":{\"id\":\"" + intent + "\","
                + "\"object\":\"payment_intent\",\"amount\":" + amountCents + ",\"currency\":\"usd\","
                + "\"client_secret\":\"" + intent + "_secret_abc\","
                + "\"metadata\":{\"order_id\":\"" + order + "\"},"
                + "\"last_payment_error\":" + (type.endsWith("failed") ? "{\"message\":\"declined\"}" : "null")
                + "}}}";
    }
}
