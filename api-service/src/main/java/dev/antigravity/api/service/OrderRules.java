package dev.antigravity.api.service;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * Limits on what one customer can hold: an unpaid order expires after {@code expiry} (its stock
 * goes back on sale), and one order reserves at most {@code maxQuantity} units over all lines.
 */
public record OrderRules(Duration expiry, int maxQuantity) {
    public static final OrderRules DEFAULTS = new OrderRules(Duration.ofMinutes(30), 100);

    public OrderRules {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalStateException("orders.expiry (ORDERS_EXPIRY) must be positive, not " + expiry);
        }
        if (maxQuantity < 1) {
            throw new IllegalStateException(
                    "orders.quantity.max (ORDERS_QUANTITY_MAX) must be at least 1, not " + maxQuantity);
        }
    }

    /** The {@code orders} configuration node. */
    public static OrderRules from(Config orders) {
        return new OrderRules(
                orders.get("expiry").as(Duration.class).orElse(DEFAULTS.expiry()),
                orders.get("quantity.max").asInt().orElse(DEFAULTS.maxQuantity()));
    }
}
