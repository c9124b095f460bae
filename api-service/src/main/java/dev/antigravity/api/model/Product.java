package dev.antigravity.api.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A catalogue entry with its current price and units in stock. */
public record Product(
        long id, String name, String description, BigDecimal price, int stock, Instant createdAt, Instant updatedAt) {}
