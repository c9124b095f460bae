package dev.antigravity.events.codec;

import static dev.antigravity.events.codec.JsonFields.instant;
import static dev.antigravity.events.codec.JsonFields.object;
import static dev.antigravity.events.codec.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.platform.CanaryEvidence;
import java.util.ArrayList;
import java.util.List;

/** The {@code canary} object of a CanaryJudged platform event; a figure that is null (or not finite) is left out. */
final class CanaryEvidenceCodec {
    private CanaryEvidenceCodec() {}

    static void encode(ObjectNode event, CanaryEvidence canary) {
        ObjectNode node = event.putObject("canary");
        node.put("verdict", canary.verdict());
        putNumber(node, "score", canary.score());
        node.put("bothDegraded", canary.bothDegraded());
        node.put("baselineRevision", canary.baselineRevision());
        node.put("canaryRevision", canary.canaryRevision());
        node.put("windowStart", canary.windowStart().toString());
        node.put("windowEnd", canary.windowEnd().toString());
        ArrayNode metrics = node.putArray("metrics");
        for (CanaryEvidence.Metric metric : canary.metrics()) {
            ObjectNode m = metrics.addObject();
            m.put("name", metric.name());
            m.put("outcome", metric.outcome());
            putNumber(m, "baseline", metric.baseline());
            putNumber(m, "canary", metric.canary());
            m.put("baselineSamples", metric.baselineSamples());
            m.put("canarySamples", metric.canarySamples());
            putNumber(m, "pValue", metric.pValue());
        }
    }

    static CanaryEvidence decode(JsonNode event) {
        if (event.get("canary") == null) {
            return null;
        }
        JsonNode node = object(event, "canary");
        JsonNode metricsNode = node.get("metrics");
        if (metricsNode == null || !metricsNode.isArray()) {
            throw new MalformedEventException("'canary.metrics' must be an array");
        }
        List<CanaryEvidence.Metric> metrics = new ArrayList<>();
        for (JsonNode m : metricsNode) {
            metrics.add(new CanaryEvidence.Metric(
                    text(m, "name"),
                    text(m, "outcome"),
                    number(m, "baseline"),
                    number(m, "canary"),
                    count(m, "baselineSamples"),
                    count(m, "canarySamples"),
                    number(m, "pValue")));
        }
        JsonNode degraded = node.get("bothDegraded");
        if (degraded == null || !degraded.isBoolean()) {
            throw new MalformedEventException("'canary.bothDegraded' must be a boolean");
        }
        return new CanaryEvidence(
                text(node, "verdict"),
                number(node, "score"),
                degraded.booleanValue(),
                text(node, "baselineRevision"),
                text(node, "canaryRevision"),
                instant(node, "windowStart"),
                instant(node, "windowEnd"),
                metrics);
    }

    private static void putNumber(ObjectNode node, String field, Double value) {
        if (value != null && Double.isFinite(value)) {
            node.put(field, value);
        }
    }

    private static Double number(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new MalformedEventException("'" + field + "' must be a number");
        }
        return node.doubleValue();
    }

    private static long count(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new MalformedEventException("'" + field + "' must be a whole number");
        }
        return node.longValue();
    }
}
