package dev.antigravity.api.model;

import java.util.Map;
import java.util.Set;

/** Order life cycle: PENDING → PAID → SHIPPED, or CANCELLED from PENDING or PAID. */
public enum OrderStatus {
    PENDING,
    PAID,
    SHIPPED,
    CANCELLED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            PENDING, Set.of(PAID, CANCELLED),
            PAID, Set.of(SHIPPED, CANCELLED),
            SHIPPED, Set.of(),
            CANCELLED, Set.of());

    public boolean canBecome(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }
}
