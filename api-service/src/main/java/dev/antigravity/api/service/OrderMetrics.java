package dev.antigravity.api.service;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Business counters. Money is counted in cents because counters are integral; revenue is
 * recognised when an order is paid and given back when a paid order is cancelled. Each order
 * processed is also reported by outcome ({@link Outcome}) to {@code processed}, and each payment that failed by
 * reason ({@link PaymentFailure}) to {@code paymentFailures} (both CloudWatch EMF in production).
 */
public final class OrderMetrics {
    private final Counter created;
    private final Counter revenueCents;
    private final Counter refundedCents;
    private final Counter expired;
    private final Consumer<String> processed;
    private final Consumer<String> paymentFailures;

    /** What happened to an order; the names are a bounded metric dimension. */
    public enum Outcome {
        placed,
        paid,
        cancelled,
        expired
    }

    /**
     * Why a payment failed; the names are a bounded metric dimension. {@code create} and {@code refund}: the provider
     * refused or could not be reached (the retry job tries again); {@code declined}: the provider reported the
     * customer's payment failed.
     */
    public enum PaymentFailure {
        create,
        refund,
        declined
    }

    public OrderMetrics(MeterRegistry registry) {
        this(registry, outcome -> {}, reason -> {});
    }

    public OrderMetrics(MeterRegistry registry, Consumer<String> processed, Consumer<String> paymentFailures) {
        this.processed = processed;
        this.paymentFailures = paymentFailures;
        this.created = registry.getOrCreate(
                Counter.builder("orders.created").description("Orders placed (idempotent replays not counted)"));
        this.revenueCents = registry.getOrCreate(
                Counter.builder("orders.revenue.cents").description("Total of orders paid, in cents"));
        this.refundedCents = registry.getOrCreate(
                Counter.builder("orders.refunded.cents").description("Total of paid orders later cancelled, in cents"));
        this.expired = registry.getOrCreate(
                Counter.builder("orders.expired").description("Unpaid orders expired, their stock released"));
    }

    void orderCreated() {
        created.increment();
        processed.accept(Outcome.placed.name());
    }

    void orderPaid(BigDecimal total) {
        revenueCents.increment(cents(total));
        processed.accept(Outcome.paid.name());
    }

    void orderExpired() {
        expired.increment();
        processed.accept(Outcome.expired.name());
    }

    void paidOrderCancelled(BigDecimal total) {
        refundedCents.increment(cents(total));
    }

    void orderCancelled() {
        processed.accept(Outcome.cancelled.name());
    }

    void paymentFailed(PaymentFailure reason) {
        paymentFailures.accept(reason.name());
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
