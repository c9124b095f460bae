package dev.antigravity.api.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.antigravity.api.service.PaymentGateway;
import dev.antigravity.api.service.PaymentProviderException;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;

/**
 * Stripe PaymentIntents and refunds through the official client. The client retries network
 * failures and 409/429/5xx answers with backoff itself, sending the same idempotency key, so a
 * retried call can never create a second PaymentIntent or refund.
 */
final class StripePaymentGateway implements PaymentGateway {
    static final String NAME = "stripe";
    private static final int NETWORK_RETRIES = 2;

    private final StripeClient stripe;

    StripePaymentGateway(String secretKey, String apiBase, Duration timeout, OpenTelemetry telemetry) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .setConnectTimeout((int) timeout.toMillis())
                .setReadTimeout((int) timeout.toMillis())
                .setHttpClient(new KeptAliveStripeHttp(timeout, timeout, telemetry));
        if (!apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        this.stripe = builder.build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderIntent createIntent(long orderId, long amountCents, String currency, String idempotencyKey) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amountCents)
                .setCurrency(currency)
                .putMetadata("order_id", Long.toString(orderId))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params, keyed(idempotencyKey));
            return new ProviderIntent(intent.getId(), intent.getClientSecret());
        } catch (StripeException e) {
            throw failure("creating the PaymentIntent", e);
        }
    }

    @Override
    public String refund(String providerPaymentId, String idempotencyKey) {
        RefundCreateParams params =
                RefundCreateParams.builder().setPaymentIntent(providerPaymentId).build();
        try {
            Refund refund = stripe.v1().refunds().create(params, keyed(idempotencyKey));
            return refund.getId();
        } catch (StripeException e) {
            throw failure("refunding " + providerPaymentId, e);
        }
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static PaymentProviderException failure(String what, StripeException e) {
        return new PaymentProviderException(
                "Stripe failed " + what + ": " + e.getClass().getSimpleName()
                        + (e.getStatusCode() == null ? "" : " (HTTP " + e.getStatusCode() + ")") + ": "
                        + e.getMessage(),
                e);
    }
}
