package dev.antigravity.api.service;

/**
 * The response to an order creation: status and JSON body exactly as first returned, and
 * whether this is a replay of an earlier request with the same Idempotency-Key.
 */
public record OrderPlacement(long orderId, int status, String body, boolean replayed) {
}
