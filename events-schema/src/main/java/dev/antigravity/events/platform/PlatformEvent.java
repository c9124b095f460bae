package dev.antigravity.events.platform;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message on the platform SNS topic. Optional fields are null when they do not apply.
 * {@code eventId} is deterministic (deployment, type, cause) so a consumer can drop duplicate deliveries.
 * {@code canary} is set on CanaryJudged only.
 */
public record PlatformEvent(
        String eventId,
        PlatformEventType type,
        Severity severity,
        Instant occurredAt,
        String environment,
        String cluster,
        String service,
        String deploymentId,
        String repository,
        String version,
        String imageDigest,
        String fromRevision,
        String toRevision,
        String alarmName,
        String reason,
        String causeEventId,
        Map<TimelineKey, Instant> timeline,
        CanaryEvidence canary) {
    public static final int SCHEMA_VERSION = 1;

    /** Every event but CanaryJudged: no canary evidence. */
    public PlatformEvent(
            String eventId,
            PlatformEventType type,
            Severity severity,
            Instant occurredAt,
            String environment,
            String cluster,
            String service,
            String deploymentId,
            String repository,
            String version,
            String imageDigest,
            String fromRevision,
            String toRevision,
            String alarmName,
            String reason,
            String causeEventId,
            Map<TimelineKey, Instant> timeline) {
        this(
                eventId,
                type,
                severity,
                occurredAt,
                environment,
                cluster,
                service,
                deploymentId,
                repository,
                version,
                imageDigest,
                fromRevision,
                toRevision,
                alarmName,
                reason,
                causeEventId,
                timeline,
                null);
    }

    public PlatformEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reason, "reason");
        EnumMap<TimelineKey, Instant> copy = new EnumMap<>(TimelineKey.class);
        if (timeline != null) {
            timeline.forEach((key, at) -> {
                if (at != null) {
                    copy.put(key, at);
                }
            });
        }
        timeline = Collections.unmodifiableMap(copy);
    }
}
