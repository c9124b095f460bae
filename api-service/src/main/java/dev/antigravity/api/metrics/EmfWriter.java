package dev.antigravity.api.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.api.logging.StandardOutput;
import io.helidon.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes CloudWatch Embedded Metric Format lines
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html)
 * to standard output, where the task's awslogs driver ships them and CloudWatch extracts the metrics: no API call,
 * no agent. Request and cache metrics reach it through {@link EmfAggregator}, a hundred observations per line.
 *
 * <p>Hand-written: {@code software.amazon.cloudwatchlogs:aws-embedded-metrics} is not served to this build, and
 * what it adds over this class (environment detection, flushing) is not needed for one JSON object per line. The
 * rules of the specification this class enforces (every dimension and metric a root member, at most 30 dimensions
 * per set and 100 metrics per directive) are checked by {@code EmfWriterTest} against the specification's schema.
 */
public final class EmfWriter {
    /** The API's namespace; the deploy hooks write to {@code Antigravity}. */
    public static final String NAMESPACE = "Antigravity/Api";

    static final int MAX_DIMENSIONS_PER_SET = 30;
    static final int MAX_METRICS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final byte[] LINE_SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    private final Consumer<byte[]> lines;
    private final Clock clock;

    /** Each line written and flushed under the stream's lock (tests read the stream under it). */
    public EmfWriter(PrintStream out, Clock clock) {
        this(
                line -> {
                    synchronized (out) {
                        out.write(line, 0, line.length);
                        out.flush();
                    }
                },
                clock);
    }

    /** @param lines takes one whole line (UTF-8, line separator included) */
    public EmfWriter(Consumer<byte[]> lines, Clock clock) {
        this.lines = lines;
        this.clock = clock;
    }

    /** The Service dimension's value: {@code metrics.service} of the configuration {@code root}, else {@code api}. */
    public static String service(Config root) {
        return root.get("metrics.service").asString().orElse("api");
    }

    /** Writes to standard output through the log lines' writer: whole lines, never interleaved with a log line. */
    public static EmfWriter stdout() {
        return new EmfWriter(StandardOutput.lines()::write, Clock.systemUTC());
    }

    /** CloudWatch units this service uses (the specification lists more). */
    public enum Unit {
        Milliseconds,
        Count
    }

    /** One data point. */
    public record Metric(String name, Unit unit, double value) {}

    /**
     * One line: {@code metrics} published once per dimension set in {@code dimensionSets}, each set naming keys of
     * {@code dimensions}; {@code properties} are extra fields for Logs Insights, neither metrics nor dimensions.
     */
    public void write(
            Map<String, String> dimensions,
            List<List<String>> dimensionSets,
            List<Metric> metrics,
            Map<String, ?> properties) {
        check(dimensions, dimensionSets, metrics.size());
        Map<String, Object> values = new LinkedHashMap<>();
        List<EmfAggregator.Definition> definitions = new ArrayList<>();
        for (Metric metric : metrics) {
            definitions.add(new EmfAggregator.Definition(metric.name(), metric.unit()));
            values.put(metric.name(), metric.value());
        }
        print(document(dimensions, dimensionSets, definitions, values, properties, clock.millis()));
    }

    /** One document of {@code series} carrying {@code size} values of each metric ({@code values[metric][i]}). */
    void write(EmfAggregator.Series series, long timestamp, double[][] values, int size) {
        Map<String, Object> arrays = new LinkedHashMap<>();
        for (int m = 0; m < series.metrics().size(); m++) {
            arrays.put(series.metrics().get(m).name(), Arrays.copyOf(values[m], size));
        }
        print(document(series.dimensions(), series.dimensionSets(), series.metrics(), arrays, Map.of(), timestamp));
    }

    /** The rules CloudWatch would otherwise enforce by dropping the document. */
    static void check(Map<String, String> dimensions, List<List<String>> dimensionSets, int metrics) {
        if (metrics < 1 || metrics > MAX_METRICS) {
            throw new IllegalArgumentException("one EMF directive holds 1 to " + MAX_METRICS + " metrics");
        }
        for (List<String> set : dimensionSets) {
            if (set.size() > MAX_DIMENSIONS_PER_SET || !dimensions.keySet().containsAll(set)) {
                throw new IllegalArgumentException("dimension set " + set + " must name at most "
                        + MAX_DIMENSIONS_PER_SET + " of " + dimensions.keySet());
            }
        }
    }

    private static Map<String, Object> document(
            Map<String, String> dimensions,
            List<List<String>> dimensionSets,
            List<EmfAggregator.Definition> metrics,
            Map<String, Object> values,
            Map<String, ?> properties,
            long timestamp) {
        List<Map<String, String>> definitions = new ArrayList<>();
        for (EmfAggregator.Definition metric : metrics) {
            definitions.add(Map.of("Name", metric.name(), "Unit", metric.unit().name()));
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", dimensionSets);
        directive.put("Metrics", definitions);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", timestamp, "CloudWatchMetrics", List.of(directive)));
        // Properties first: a dimension or metric of the same name must win, or the metric would lie.
        line.putAll(properties);
        line.putAll(dimensions);
        line.putAll(values);
        return line;
    }

    private void print(Map<String, Object> line) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try {
            JSON.writeValue(bytes, line);
        } catch (IOException e) {
            throw new IllegalArgumentException("EMF line not serializable: " + e.getMessage(), e);
        }
        bytes.writeBytes(LINE_SEPARATOR);
        lines.accept(bytes.toByteArray());
    }
}
