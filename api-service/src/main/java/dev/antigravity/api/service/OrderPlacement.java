package dev.antigravity.api.service;

/**
 * The result of placing an order: the order's id, its JSON exactly as first returned, and whether
 * this is a replay of an earlier request with the same Idempotency-Key. How it is answered (201
 * and Location) is the resource's choice.
 */
public record OrderPlacement(long orderId, String body, boolean replayed) {}
