package dev.antigravity.api.repository;

import java.time.Instant;

/** What the provider answered when it created an order's PaymentIntent, at {@code at}: to be recorded on the payment. */
public record CreatedIntent(long orderId, String intentId, String clientSecret, Instant at) {}
