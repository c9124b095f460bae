package dev.antigravity.api.model;

/** A requested line of a new order: which product and how many. */
public record OrderItem(long productId, int quantity) {}
