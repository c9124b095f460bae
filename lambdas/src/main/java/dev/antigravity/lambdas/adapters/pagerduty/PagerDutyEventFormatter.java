package dev.antigravity.lambdas.adapters.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.notification.ConsoleLinks;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import dev.antigravity.lambdas.domain.notification.PagerDutyAction;

/** Renders an Events API v2 event (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
public final class PagerDutyEventFormatter {
    private static final int SUMMARY_LIMIT = 1024;

    private final ObjectMapper mapper;
    private final String defaultRegion;

    public PagerDutyEventFormatter(ObjectMapper mapper, String defaultRegion) {
        this.mapper = mapper;
        this.defaultRegion = defaultRegion;
    }

    /** The Events API v2 body of one of {@code dispatch}'s actions. */
    public String format(Dispatch dispatch, PagerDutyAction action, String routingKey) {
        PlatformEvent event = dispatch.event();
        ObjectNode body = mapper.createObjectNode();
        body.put("routing_key", routingKey);
        body.put("event_action", action.kind() == PagerDutyAction.Kind.TRIGGER ? "trigger" : "resolve");
        body.put("dedup_key", action.dedupKey());
        if (action.kind() == PagerDutyAction.Kind.RESOLVE) {
            return body.toString();
        }
        ObjectNode payload = body.putObject("payload");
        payload.put("summary", summary(event));
        payload.put("source", event.cluster() + "/" + event.service());
        payload.put("severity", severity(dispatch.severity()));
        payload.put("timestamp", event.occurredAt().toString());
        payload.put("component", event.service());
        payload.put("group", event.environment());
        payload.put("class", event.type().name());
        ObjectNode details = payload.putObject("custom_details");
        details.put("reason", event.reason());
        details.put("eventId", event.eventId());
        putIfPresent(details, "deploymentId", event.deploymentId());
        putIfPresent(details, "version", event.version());
        putIfPresent(details, "fromRevision", event.fromRevision());
        putIfPresent(details, "toRevision", event.toRevision());
        putIfPresent(details, "alarmName", event.alarmName());
        String region = ConsoleLinks.regionOf(event.toRevision());
        region = region != null ? region : defaultRegion;
        var links = body.putArray("links");
        links.addObject()
                .put("href", ConsoleLinks.ecsService(region, event.cluster(), event.service()))
                .put("text", "ECS service");
        if (event.alarmName() != null) {
            links.addObject()
                    .put("href", ConsoleLinks.cloudWatchAlarm(region, event.alarmName()))
                    .put("text", "CloudWatch alarm");
        }
        body.put("client", "Antigravity");
        return body.toString();
    }

    static String summary(PlatformEvent event) {
        String summary = event.type() + " " + event.environment() + " " + event.cluster() + "/" + event.service() + ": "
                + event.reason();
        return summary.length() <= SUMMARY_LIMIT ? summary : summary.substring(0, SUMMARY_LIMIT - 1) + "…";
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
