package dev.antigravity.api.service;

import java.util.Optional;

/**
 * A provider event whose signature was verified: its id (processed once), its type, the
 * PaymentIntent it concerns and, for a failed attempt, the provider's reason. {@code orderId} is
 * the order the intent names in its metadata and {@code clientSecret} the intent's own, so that an
 * event about an intent whose creation is not recorded yet can still find (and complete) its
 * payment.
 */
public record ProviderEvent(
        String id,
        String type,
        Optional<String> paymentId,
        Optional<String> failure,
        Optional<Long> orderId,
        Optional<String> clientSecret) {
    /** An event that names no order (a PaymentIntent created elsewhere, or another object). */
    public ProviderEvent(String id, String type, Optional<String> paymentId, Optional<String> failure) {
        this(id, type, paymentId, failure, Optional.empty(), Optional.empty());
    }
}
