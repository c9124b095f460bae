package dev.antigravity.api.service;

import java.util.Optional;

/**
 * A provider event whose signature was verified: its id (processed once), its type, the
 * PaymentIntent it concerns and, for a failed attempt, the provider's reason. {@code intent} is
 * what the PaymentIntent says of itself (the order in its metadata, its amount), so that an event
 * about an intent whose creation is not recorded yet can still find (and complete) its payment.
 */
public record ProviderEvent(
        String id, String type, Optional<String> paymentId, Optional<String> failure, Optional<Intent> intent) {
    /** An event about no intent of ours (created elsewhere, or another object). */
    public ProviderEvent(String id, String type, Optional<String> paymentId, Optional<String> failure) {
        this(id, type, paymentId, failure, Optional.empty());
    }

    /** The order a PaymentIntent names in its metadata, its amount and currency, and its client secret if sent. */
    public record Intent(long orderId, long amountCents, String currency, Optional<String> clientSecret) {}
}
