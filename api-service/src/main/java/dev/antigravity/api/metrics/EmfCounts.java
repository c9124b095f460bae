package dev.antigravity.api.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A business count as EMF, one data point per event, by (Service, {@code dimension}) — a bounded set of names the
 * domain chooses (an enum there) — and by (Service): {@code OrdersProcessed} by Outcome (placed, paid, cancelled,
 * expired) and {@code PaymentFailures} by Reason (create, refund, declined). Observations go through the
 * {@link EmfAggregator}.
 */
public final class EmfCounts implements Consumer<String> {
    public static final String ORDERS_PROCESSED = "OrdersProcessed";
    public static final String PAYMENT_FAILURES = "PaymentFailures";

    private final EmfAggregator emf;
    private final String service;
    private final String metric;
    private final String dimension;
    private final ConcurrentHashMap<String, EmfAggregator.Series> series = new ConcurrentHashMap<>();

    private EmfCounts(EmfAggregator emf, String service, String metric, String dimension) {
        this.emf = emf;
        this.service = service;
        this.metric = metric;
        this.dimension = dimension;
    }

    /** Orders that changed hands, by outcome. */
    public static EmfCounts ordersProcessed(EmfAggregator emf, String service) {
        return new EmfCounts(emf, service, ORDERS_PROCESSED, "Outcome");
    }

    /** Payments that failed, by reason: the provider refused or could not be reached creating or refunding, or declined. */
    public static EmfCounts paymentFailures(EmfAggregator emf, String service) {
        return new EmfCounts(emf, service, PAYMENT_FAILURES, "Reason");
    }

    @Override
    public void accept(String value) {
        emf.add(series.computeIfAbsent(value, this::series), 1);
    }

    private EmfAggregator.Series series(String value) {
        return new EmfAggregator.Series(
                Map.of("Service", service, dimension, value),
                List.of(List.of("Service", dimension), List.of("Service")),
                List.of(new EmfAggregator.Definition(metric, EmfWriter.Unit.Count)));
    }
}
