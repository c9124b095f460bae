package dev.antigravity.api.payment;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.param.RefundCreateParams;
import dev.antigravity.api.service.PaymentGateway;
import dev.antigravity.api.service.PaymentProviderException;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.time.Duration;

/**
 * Stripe PaymentIntents and refunds through the official client. The client retries network
 * failures and 409/429/5xx answers with backoff itself, sending the same idempotency key, so a
 * retried call can never create a second PaymentIntent or refund.
 */
final class StripePaymentGateway implements PaymentGateway {
    static final String NAME = "stripe";
    private static final int NETWORK_RETRIES = 2;

    private static final String PAYMENT_INTENTS = "/v1/payment_intents";

    static {
        // stripe-java's client telemetry sends Stripe the previous call's latency in a header, a JSON document
        // built with Gson on every call; it is Stripe's measurement, not ours (our own is the call's span and
        // the order metrics), so it is off. The switch is the library's, and global: this is its only client.
        Stripe.enableTelemetry = false;
    }

    private final StripeClient stripe;

    StripePaymentGateway(String secretKey, String apiBase, Duration timeout, OpenTelemetry telemetry) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .setConnectTimeout((int) timeout.toMillis())
                .setReadTimeout((int) timeout.toMillis())
                .setHttpClient(new KeptAliveStripeHttp(
                        URI.create(apiBase.isBlank() ? Stripe.LIVE_API_BASE : apiBase), timeout, timeout, telemetry));
        if (!apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        this.stripe = builder.build();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The PaymentIntent is created through the library's raw request (its retries, idempotency key,
     * headers and error mapping unchanged), with the form written by
     * {@link PaymentIntentForm} rather than {@code PaymentIntentCreateParams}, and only the two
     * fields used read from the answer ({@link CreatedIntentReader}): the typed call converts its
     * parameters and decodes the whole PaymentIntent with Gson's reflection, 15 % of an order's CPU
     * samples in the profile, on every order.
     */
    @Override
    public ProviderIntent createIntent(long orderId, long amountCents, String currency, String idempotencyKey) {
        try {
            StripeResponse response = stripe.rawRequest(
                    ApiResource.RequestMethod.POST,
                    PAYMENT_INTENTS,
                    PaymentIntentForm.of(orderId, amountCents, currency),
                    RawRequestOptions.builder()
                            .setIdempotencyKey(idempotencyKey)
                            .build());
            return CreatedIntentReader.read(response.body());
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
