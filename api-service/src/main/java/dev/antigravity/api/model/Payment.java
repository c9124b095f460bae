package dev.antigravity.api.model;

import java.time.Instant;

/**
 * The payment of one order: what the provider is asked to collect ({@code amountCents} in
 * {@code currency}), its ids there, and what happened ({@code attempts} counts the payment
 * attempts the provider reported, {@code failure} the last refusal or provider error).
 * {@code providerPaymentId} and {@code clientSecret} are null while CREATING, {@code failure} and
 * {@code refundId} null until there is one (nulls rather than Optionals: this record is the JSON
 * the owner reads).
 */
public record Payment(
        long orderId,
        String provider,
        String providerPaymentId,
        String clientSecret,
        String idempotencyKey,
        long amountCents,
        String currency,
        PaymentStatus status,
        int attempts,
        String failure,
        String refundId,
        Instant createdAt,
        Instant updatedAt) {}
