package dev.antigravity.api.service;

/**
 * The payment provider, as the payment service needs it. Both calls are idempotent by
 * {@code idempotencyKey}: asking twice with one key creates one PaymentIntent, one refund.
 * Failures (network, provider refusal) are {@link PaymentProviderException}s.
 */
public interface PaymentGateway {

    /** Short provider name stored with each payment ("stripe", "local"). */
    String name();

    /** A PaymentIntent for {@code amountCents} of {@code currency}, tagged with the order id. */
    ProviderIntent createIntent(long orderId, long amountCents, String currency, String idempotencyKey);

    /** Refunds the whole of a succeeded PaymentIntent; returns the provider's refund id. */
    String refund(String providerPaymentId, String idempotencyKey);

    /** The provider's PaymentIntent id and the secret a client confirms it with. */
    record ProviderIntent(String id, String clientSecret) {}
}
