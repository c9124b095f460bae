package dev.antigravity.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@link EmfAggregator} writing into memory, for tests that drive the service and read back the EMF it wrote,
 * each line parsed as CloudWatch would ({@link EmfSpecification}). Nothing flushes on a timer: {@link #points}
 * flushes first, so read once the observations were made.
 */
public final class EmfCapture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final EmfAggregator aggregator =
            new EmfAggregator(new EmfWriter(stream, Clock.systemUTC()), Clock.systemUTC());

    public EmfAggregator aggregator() {
        return aggregator;
    }

    /** One data point of a metric: the dimension values of its first (most specific) set, and its value. */
    public record Point(Map<String, String> dimensions, double value) {}

    /** Every data point of {@code metric} observed so far, in order; every line must be valid EMF. */
    public List<Point> points(String metric) {
        aggregator.flush();
        List<Point> points = new ArrayList<>();
        for (String line : lines()) {
            for (EmfSpecification.Directive directive : EmfSpecification.parse(line)) {
                if (directive.metrics().contains(metric)) {
                    for (double value : values(line, metric)) {
                        points.add(new Point(directive.dimensionSets().getFirst(), value));
                    }
                }
            }
        }
        return points;
    }

    /** The lines written so far (without flushing); under the writer's lock, so only whole lines. */
    public List<String> lines() {
        synchronized (stream) {
            return out.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The values of {@code metric} in {@code line}: a number, or an array of them. */
    public static List<Double> values(String line, String metric) {
        try {
            JsonNode value = JSON.readTree(line).path(metric);
            List<Double> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(item -> values.add(item.asDouble()));
            } else {
                values.add(value.asDouble());
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
