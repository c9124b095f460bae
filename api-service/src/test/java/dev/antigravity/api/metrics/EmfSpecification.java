package dev.antigravity.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a line as CloudWatch would: the specification's JSON schema, then its prose rules (a dimension is a root
 * member holding a string, a metric a root member holding a number or an array of at most 100 numbers). Returns
 * the metrics the line defines, by namespace, or throws with every violation.
 */
public final class EmfSpecification {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:emf/emf-specification.schema.json"));

    private EmfSpecification() {}

    /** The parsed metrics of one line: namespace, metric names, and the dimension sets they are published under. */
    public record Directive(String namespace, Set<String> metrics, List<Map<String, String>> dimensionSets) {}

    public static List<Directive> parse(String line) {
        List<String> violations = new ArrayList<>(SCHEMA.validate(line, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList());
        if (!violations.isEmpty()) {
            throw new AssertionError("not EMF: " + violations + " in " + line);
        }
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
        List<Directive> directives = new ArrayList<>();
        for (JsonNode directive : root.path("_aws").path("CloudWatchMetrics")) {
            List<Map<String, String>> sets = new ArrayList<>();
            for (JsonNode set : directive.path("Dimensions")) {
                Map<String, String> values = new LinkedHashMap<>();
                for (JsonNode dimension : set) {
                    JsonNode value = root.path(dimension.asText());
                    if (!value.isTextual()) {
                        violations.add("dimension " + dimension + " is not a root member holding a string");
                    }
                    values.put(dimension.asText(), value.asText());
                }
                sets.add(values);
            }
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                JsonNode value = root.path(name);
                boolean numbers = value.isArray() && value.size() <= 100 && allNumbers(value);
                if (!value.isNumber() && !numbers) {
                    violations.add("metric " + name + " is not a root member holding a number (or up to 100)");
                }
                names.add(name);
            }
            directives.add(new Directive(directive.path("Namespace").asText(), names, sets));
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("EMF rule broken: " + violations + " in " + line);
        }
        return directives;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isNumber()) {
                return false;
            }
        }
        return true;
    }
}
