package dev.antigravity.api.service;

import java.math.BigDecimal;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;

/**
 * Business counters. Money is counted in cents because counters are integral; revenue is
 * recognised when an order is paid and given back when a paid order is cancelled.
 */
public final class OrderMetrics {
    private final Counter created;
    private final Counter revenueCents;
    private final Counter refundedCents;
    private final Counter expired;

    public OrderMetrics(MeterRegistry registry) {
        this.created = registry.getOrCreate(Counter.builder("orders.created")
                .description("Orders placed (idempotent replays not counted)"));
        this.revenueCents = registry.getOrCreate(Counter.builder("orders.revenue.cents")
                .description("Total of orders paid, in cents"));
        this.refundedCents = registry.getOrCreate(Counter.builder("orders.refunded.cents")
                .description("Total of paid orders later cancelled, in cents"));
        this.expired = registry.getOrCreate(Counter.builder("orders.expired")
                .description("Unpaid orders expired, their stock released"));
    }

    void orderCreated() {
        created.increment();
    }

    void orderPaid(BigDecimal total) {
        revenueCents.increment(cents(total));
    }

    void orderExpired() {
        expired.increment();
    }

    void paidOrderCancelled(BigDecimal total) {
        refundedCents.increment(cents(total));
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
