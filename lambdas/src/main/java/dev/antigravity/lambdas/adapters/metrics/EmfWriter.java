package dev.antigravity.lambdas.adapters.metrics;

import dev.antigravity.lambdas.domain.dora.MetricValue;
import dev.antigravity.lambdas.logging.Json;
import dev.antigravity.lambdas.logging.LogContext;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes CloudWatch Embedded Metric Format lines
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html)
 * to stdout, where Lambda's log shipping turns them into metrics with no API call on the hot path.
 *
 * <p>Hand-written rather than aws-embedded-metrics 4.2.0: that library brings commons-lang3, javatuples and an
 * environment-detection layer (~860 KB of jars) for what is one JSON object per line here.
 */
public final class EmfWriter {
    public static final String NAMESPACE = "Antigravity";

    private final PrintStream out;

    public EmfWriter(PrintStream out) {
        this.out = out;
    }

    /**
     * One line for one service's data points, published per service ({@code Environment, Service}) and per
     * environment ({@code Environment}) so a fleet-wide chart needs no SEARCH expression.
     *
     * @param properties extra fields for Logs Insights (deployment id, state) beside the {@link LogContext} ones
     *                   (event id, handler); neither metrics nor dimensions
     */
    public void write(
            Instant at, String environment, String service, List<MetricValue> metrics, Map<String, ?> properties) {
        if (metrics.isEmpty()) {
            return;
        }
        List<Map<String, String>> definitions = new ArrayList<>();
        for (MetricValue metric : metrics) {
            definitions.add(Map.of("Name", metric.name(), "Unit", metric.unit()));
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.of("Environment", "Service"), List.of("Environment")));
        directive.put("Metrics", definitions);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", at.toEpochMilli(), "CloudWatchMetrics", List.of(directive)));
        line.putAll(LogContext.current());
        line.putAll(properties);
        line.put("Environment", environment);
        line.put("Service", service);
        for (MetricValue metric : metrics) {
            line.put(metric.name(), metric.value());
        }
        out.println(Json.object(line));
    }
}
