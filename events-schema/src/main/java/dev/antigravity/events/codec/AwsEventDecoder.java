package dev.antigravity.events.codec;

import static dev.antigravity.events.codec.JsonFields.enumValue;
import static dev.antigravity.events.codec.JsonFields.instant;
import static dev.antigravity.events.codec.JsonFields.object;
import static dev.antigravity.events.codec.JsonFields.optionalText;
import static dev.antigravity.events.codec.JsonFields.text;
import static dev.antigravity.events.codec.JsonFields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.events.aws.AwsEvent;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.AlarmMetric;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.AlarmState;
import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.aws.EcsDeploymentStateChange;
import dev.antigravity.events.aws.EcsServiceAction;
import dev.antigravity.events.aws.EventEnvelope;
import dev.antigravity.events.aws.UnknownAwsEvent;
import java.util.ArrayList;
import java.util.List;

/** Turns an EventBridge event tree into the record its detail-type promises (by hand: no reflection at cold start). */
final class AwsEventDecoder {
    private AwsEventDecoder() {}

    static AwsEvent decode(JsonNode root) {
        if (!root.isObject()) {
            throw new MalformedEventException("an EventBridge event must be a JSON object");
        }
        EventEnvelope envelope = new EventEnvelope(
                text(root, "id"),
                text(root, "detail-type"),
                text(root, "source"),
                text(root, "account"),
                instant(root, "time"),
                text(root, "region"),
                texts(root, "resources"));
        JsonNode detail = object(root, "detail");
        return switch (envelope.detailType()) {
            case "ECR Image Action" -> ecr(envelope, detail);
            case "ECS Deployment State Change" -> ecsDeployment(envelope, detail);
            case "ECS Service Action" ->
                new EcsServiceAction(
                        envelope,
                        text(detail, "eventType"),
                        text(detail, "eventName"),
                        optionalText(detail, "clusterArn"));
            case "CloudWatch Alarm State Change" -> alarm(envelope, detail);
            default -> new UnknownAwsEvent(envelope);
        };
    }

    private static EcrImageAction ecr(EventEnvelope envelope, JsonNode detail) {
        EcrImageAction action = new EcrImageAction(
                envelope,
                text(detail, "result"),
                text(detail, "action-type"),
                text(detail, "repository-name"),
                optionalText(detail, "image-digest"),
                optionalText(detail, "image-tag"));
        if (action.isSuccessfulPush() && action.imageDigest() == null) {
            throw new MalformedEventException("a successful push must name its image-digest");
        }
        return action;
    }

    private static EcsDeploymentStateChange ecsDeployment(EventEnvelope envelope, JsonNode detail) {
        if (envelope.resources().isEmpty()) {
            throw new MalformedEventException("an ECS deployment event must name its service in resources[0]");
        }
        EcsDeploymentStateChange.Phase phase;
        try {
            phase = EcsDeploymentStateChange.Phase.ofEventName(text(detail, "eventName"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
        return new EcsDeploymentStateChange(
                envelope,
                text(detail, "eventType"),
                phase,
                text(detail, "deploymentId"),
                instant(detail, "updatedAt"),
                optionalText(detail, "reason"),
                envelope.resources().getFirst());
    }

    private static CloudWatchAlarmStateChange alarm(EventEnvelope envelope, JsonNode detail) {
        List<AlarmMetric> metrics = new ArrayList<>();
        JsonNode configuration = detail.get("configuration");
        if (configuration != null && configuration.get("metrics") != null) {
            for (JsonNode metric : configuration.get("metrics")) {
                JsonNode stat = metric.path("metricStat").path("metric");
                metrics.add(new AlarmMetric(
                        text(metric, "id"),
                        optionalText(metric, "expression"),
                        optionalText(stat, "namespace"),
                        optionalText(stat, "name")));
            }
        }
        return new CloudWatchAlarmStateChange(
                envelope,
                text(detail, "alarmName"),
                state(object(detail, "state")),
                state(object(detail, "previousState")),
                metrics);
    }

    private static AlarmState state(JsonNode state) {
        return new AlarmState(
                enumValue(state, "value", CloudWatchAlarmStateChange.Value.class),
                optionalText(state, "reason"),
                optionalText(state, "reasonData"),
                text(state, "timestamp"),
                optionalText(state, "actionsSuppressedBy"),
                optionalText(state, "actionsSuppressedReason"));
    }
}
