package dev.antigravity.api.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A business count as EMF, one data point per event, by (Service, {@code dimension}) — a bounded set of names the
 * domain chooses (an enum there) — and by (Service): {@code OrdersProcessed} by Outcome (placed, paid, cancelled,
 * expired) and {@code PaymentFailures} by Reason (create, refund, declined).
 */
public final class EmfCounts implements Consumer<String> {
    public static final String ORDERS_PROCESSED = "OrdersProcessed";
    public static final String PAYMENT_FAILURES = "PaymentFailures";

    private final EmfWriter emf;
    private final String service;
    private final String metric;
    private final String dimension;
    private final List<List<String>> dimensionSets;

    private EmfCounts(EmfWriter emf, String service, String metric, String dimension) {
        this.emf = emf;
        this.service = service;
        this.metric = metric;
        this.dimension = dimension;
        this.dimensionSets = List.of(List.of("Service", dimension), List.of("Service"));
    }

    /** Orders that changed hands, by outcome. */
    public static EmfCounts ordersProcessed(EmfWriter emf, String service) {
        return new EmfCounts(emf, service, ORDERS_PROCESSED, "Outcome");
    }

    /** Payments that failed, by reason: the provider refused or could not be reached creating or refunding, or declined. */
    public static EmfCounts paymentFailures(EmfWriter emf, String service) {
        return new EmfCounts(emf, service, PAYMENT_FAILURES, "Reason");
    }

    @Override
    public void accept(String value) {
        emf.write(
                Map.of("Service", service, dimension, value),
                dimensionSets,
                List.of(new EmfWriter.Metric(metric, EmfWriter.Unit.Count, 1)),
                Map.of());
    }
}
