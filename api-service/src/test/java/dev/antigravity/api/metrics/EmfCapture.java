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
 * An {@link EmfWriter} into memory, for tests that drive the service and read back the EMF it wrote, each line
 * parsed as CloudWatch would ({@link EmfSpecification}). Written on the caller's thread, so read once it returned.
 */
public final class EmfCapture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmfWriter writer =
            new EmfWriter(new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());

    public EmfWriter writer() {
        return writer;
    }

    /** One data point of a metric: the dimension values of its first (most specific) set, and its value. */
    public record Point(Map<String, String> dimensions, double value) {}

    /** Every data point of {@code metric} written so far, in order; every line must be valid EMF. */
    public List<Point> points(String metric) {
        List<Point> points = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            for (EmfSpecification.Directive directive : EmfSpecification.parse(line)) {
                if (directive.metrics().contains(metric)) {
                    points.add(new Point(directive.dimensionSets().getFirst(), value(line, metric)));
                }
            }
        }
        return points;
    }

    private static double value(String line, String metric) {
        try {
            JsonNode root = JSON.readTree(line);
            return root.path(metric).asDouble();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
