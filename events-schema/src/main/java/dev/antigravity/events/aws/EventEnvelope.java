package dev.antigravity.events.aws;

import java.time.Instant;
import java.util.List;

/** The EventBridge fields every consumed AWS event carries. */
public record EventEnvelope(
        String id,
        String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources) {
    public EventEnvelope {
        resources = List.copyOf(resources);
    }
}
