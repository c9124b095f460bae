package dev.antigravity.api.model;

import java.util.Map;
import java.util.Set;

/**
 * Order life cycle: PENDING → PAID → SHIPPED, or CANCELLED from PENDING or PAID, or EXPIRED
 * when a PENDING order stays unpaid for {@code orders.expiry}; a cancelled or expired order whose
 * payment had succeeded becomes REFUNDED once the provider has refunded it.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    SHIPPED,
    CANCELLED,
    EXPIRED,
    REFUNDED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            PENDING, Set.of(PAID, CANCELLED, EXPIRED),
            PAID, Set.of(SHIPPED, CANCELLED),
            SHIPPED, Set.of(),
            CANCELLED, Set.of(REFUNDED),
            EXPIRED, Set.of(REFUNDED),
            REFUNDED, Set.of());

    public boolean canBecome(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** An order that ends unfulfilled gives its reserved stock back. */
    public boolean releasesStock() {
        return this == CANCELLED || this == EXPIRED;
    }
}
