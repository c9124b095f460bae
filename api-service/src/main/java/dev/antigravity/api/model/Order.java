package dev.antigravity.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order and its lines; {@code customer} is the JWT subject that placed it. */
public record Order(
        long id,
        String customer,
        OrderStatus status,
        BigDecimal total,
        List<OrderLine> lines,
        Instant createdAt,
        Instant updatedAt) {}
