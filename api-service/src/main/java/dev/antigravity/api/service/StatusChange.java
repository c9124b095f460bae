package dev.antigravity.api.service;

/** Body of an order status change: the status the order should move to. */
public record StatusChange(String status) {
}
