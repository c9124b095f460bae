package dev.antigravity.lambdas.domain.dora;

import java.util.Objects;

/** One metric data point; {@code unit} is a CloudWatch unit name (Count, Seconds). */
public record MetricValue(String name, String unit, double value) {
    public static final String COUNT = "Count";
    public static final String SECONDS = "Seconds";

    public MetricValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
