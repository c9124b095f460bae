package dev.antigravity.api.model;

/**
 * A payment's life: CREATING (stored with its order, the provider not yet asked) → REQUIRES_PAYMENT
 * (the provider holds a PaymentIntent) → SUCCEEDED, or FAILED (the customer may try again, so
 * FAILED may still become SUCCEEDED) → REFUNDED once a paid order was cancelled.
 */
public enum PaymentStatus {
    CREATING,
    REQUIRES_PAYMENT,
    SUCCEEDED,
    FAILED,
    REFUNDED
}
