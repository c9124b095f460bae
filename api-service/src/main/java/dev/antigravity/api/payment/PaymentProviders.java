package dev.antigravity.api.payment;

import dev.antigravity.api.service.LocalPaymentGateway;
import dev.antigravity.api.service.PaymentGateway;
import dev.antigravity.api.service.WebhookVerifier;
import io.helidon.config.Config;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;

/**
 * The provider chosen by {@code payments.*}: Stripe when a secret key is configured, else the
 * local provider, announced by a WARNING at start so that nobody mistakes it for taking money.
 */
public record PaymentProviders(PaymentGateway gateway, WebhookVerifier webhooks, String currency) {
    /**
     * Signs the local provider's webhooks (README: the flow with curl). Checked in on purpose: it
     * guards nothing of value, and it is never accepted once a Stripe key is configured.
     */
    public static final String LOCAL_WEBHOOK_SECRET = "whsec_antigravity_local_only";

    private static final System.Logger LOG = System.getLogger(PaymentProviders.class.getName());

    /** {@code payments} is the config node of that name. */
    public static PaymentProviders from(Config payments, Clock clock) {
        return from(payments, clock, OpenTelemetry.noop());
    }

    /** The same, every Stripe request carrying the current span's W3C {@code traceparent}. */
    public static PaymentProviders from(Config payments, Clock clock, OpenTelemetry telemetry) {
        String key = payments.get("stripe.key").asString().orElse("");
        String secret = payments.get("webhook.secret").asString().orElse("");
        Duration tolerance =
                payments.get("webhook.tolerance").as(Duration.class).orElse(Duration.ofMinutes(5));
        String currency = payments.get("currency").asString().orElse("usd");
        if (key.isBlank()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "payments.stripe.key is empty: payments use the LOCAL provider, "
                            + "no money moves; webhooks are accepted when signed with the local secret (README)");
            return new PaymentProviders(
                    new LocalPaymentGateway(),
                    new StripeWebhookVerifier(secret.isBlank() ? LOCAL_WEBHOOK_SECRET : secret, tolerance, clock),
                    currency);
        }
        if (secret.isBlank()) {
            throw new IllegalStateException("payments.webhook.secret (PAYMENTS_WEBHOOK_SECRET) is required with a "
                    + "Stripe key: without it no payment could ever be confirmed");
        }
        PaymentGateway stripe = new StripePaymentGateway(
                key,
                payments.get("stripe.url").asString().orElse(""),
                payments.get("stripe.timeout").as(Duration.class).orElse(Duration.ofSeconds(10)),
                telemetry);
        return new PaymentProviders(stripe, new StripeWebhookVerifier(secret, tolerance, clock), currency);
    }
}
