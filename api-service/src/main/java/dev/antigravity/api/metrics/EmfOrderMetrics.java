package dev.antigravity.api.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code OrdersProcessed} as EMF, one data point per order that changed hands: by (Service, Outcome) —
 * placed, paid, cancelled, expired: a bounded set the order service names — and by (Service).
 */
public final class EmfOrderMetrics implements Consumer<String> {
    public static final String ORDERS_PROCESSED = "OrdersProcessed";
    static final List<List<String>> DIMENSION_SETS = List.of(List.of("Service", "Outcome"), List.of("Service"));

    private final EmfWriter emf;
    private final String service;

    public EmfOrderMetrics(EmfWriter emf, String service) {
        this.emf = emf;
        this.service = service;
    }

    @Override
    public void accept(String outcome) {
        emf.write(Map.of("Service", service, "Outcome", outcome), DIMENSION_SETS,
                List.of(new EmfWriter.Metric(ORDERS_PROCESSED, EmfWriter.Unit.Count, 1)), Map.of());
    }
}
