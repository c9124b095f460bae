package dev.antigravity.events.codec;

import static dev.antigravity.events.codec.JsonFields.enumValue;
import static dev.antigravity.events.codec.JsonFields.instant;
import static dev.antigravity.events.codec.JsonFields.optionalText;
import static dev.antigravity.events.codec.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.events.platform.TimelineKey;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Platform events to and from JSON, field for field as platform-event.schema.json names them. */
final class PlatformEventCodec {
    private PlatformEventCodec() {}

    static ObjectNode encode(PlatformEvent event) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schemaVersion", PlatformEvent.SCHEMA_VERSION);
        node.put("eventId", event.eventId());
        node.put("type", event.type().name());
        node.put("severity", event.severity().name());
        node.put("occurredAt", event.occurredAt().toString());
        node.put("environment", event.environment());
        node.put("cluster", event.cluster());
        node.put("service", event.service());
        putIfPresent(node, "deploymentId", event.deploymentId());
        putIfPresent(node, "repository", event.repository());
        putIfPresent(node, "version", event.version());
        putIfPresent(node, "imageDigest", event.imageDigest());
        putIfPresent(node, "fromRevision", event.fromRevision());
        putIfPresent(node, "toRevision", event.toRevision());
        putIfPresent(node, "alarmName", event.alarmName());
        node.put("reason", event.reason());
        putIfPresent(node, "causeEventId", event.causeEventId());
        if (!event.timeline().isEmpty()) {
            ObjectNode timeline = node.putObject("timeline");
            event.timeline().forEach((key, at) -> timeline.put(key.name(), at.toString()));
        }
        if (event.canary() != null) {
            CanaryEvidenceCodec.encode(node, event.canary());
        }
        return node;
    }

    static PlatformEvent decode(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedEventException("a platform event must be a JSON object");
        }
        if (node.path("schemaVersion").asInt() != PlatformEvent.SCHEMA_VERSION) {
            throw new MalformedEventException("unsupported platform event schemaVersion " + node.get("schemaVersion"));
        }
        Map<TimelineKey, Instant> timeline = new EnumMap<>(TimelineKey.class);
        JsonNode timelineNode = node.get("timeline");
        if (timelineNode != null) {
            for (TimelineKey key : TimelineKey.values()) {
                if (timelineNode.has(key.name())) {
                    timeline.put(key, instant(timelineNode, key.name()));
                }
            }
        }
        return new PlatformEvent(
                text(node, "eventId"),
                enumValue(node, "type", PlatformEventType.class),
                enumValue(node, "severity", Severity.class),
                instant(node, "occurredAt"),
                text(node, "environment"),
                text(node, "cluster"),
                text(node, "service"),
                optionalText(node, "deploymentId"),
                optionalText(node, "repository"),
                optionalText(node, "version"),
                optionalText(node, "imageDigest"),
                optionalText(node, "fromRevision"),
                optionalText(node, "toRevision"),
                optionalText(node, "alarmName"),
                text(node, "reason"),
                optionalText(node, "causeEventId"),
                timeline,
                CanaryEvidenceCodec.decode(node));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
