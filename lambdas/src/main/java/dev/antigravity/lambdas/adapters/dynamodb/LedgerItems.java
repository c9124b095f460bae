package dev.antigravity.lambdas.adapters.dynamodb;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.ServiceRef;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ledger item layout. Deployments: {@code pk=SERVICE#<cluster>/<service>}, {@code sk=DEPLOYMENT#<family:rev>},
 * GSI {@code by-service-time} on {@code gsi1pk=SERVICE#…}, {@code gsi1sk=<acceptedAt>#<family:rev>}; timeline
 * entries are ISO-8601 attributes named after {@link TimelineKey}.
 */
final class LedgerItems {
    static final String GSI = "by-service-time";
    static final String HEAD_SK = "HEAD";
    static final String LOCK_SK = "LOCK";

    private LedgerItems() {}

    static String servicePk(ServiceRef service) {
        return "SERVICE#" + service.key();
    }

    static String deploymentSk(String deploymentId) {
        return "DEPLOYMENT#" + deploymentId;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static Map<String, AttributeValue> toItem(Deployment d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(servicePk(d.service())));
        item.put("sk", s(deploymentSk(d.deploymentId())));
        item.put("gsi1pk", s(servicePk(d.service())));
        item.put("gsi1sk", s(d.at(TimelineKey.acceptedAt).orElse(Instant.EPOCH) + "#" + d.deploymentId()));
        item.put("type", s("Deployment"));
        item.put("cluster", s(d.service().cluster()));
        item.put("service", s(d.service().service()));
        item.put("deploymentId", s(d.deploymentId()));
        item.put("taskDefinitionArn", s(d.taskDefinitionArn()));
        putIfPresent(item, "previousRevisionArn", d.previousRevisionArn());
        putIfPresent(item, "rollbackTargetArn", d.rollbackTargetArn());
        item.put("repository", s(d.image().repository()));
        item.put("imageDigest", s(d.image().digest()));
        putIfPresent(item, "imageTag", d.image().tag());
        item.put("state", s(d.state().name()));
        putIfPresent(item, "ecsDeploymentId", d.ecsDeploymentId());
        item.put("rolloutIssued", AttributeValue.fromBool(d.rolloutIssued()));
        putIfPresent(item, "rollbackEcsDeploymentId", d.rollbackEcsDeploymentId());
        putIfPresent(item, "reason", d.reason());
        putIfPresent(item, "rollbackCause", d.rollbackCause());
        item.put("rollbackIssued", AttributeValue.fromBool(d.rollbackIssued()));
        item.put("version", AttributeValue.fromN(Long.toString(d.version())));
        d.timeline().forEach((key, at) -> item.put(key.name(), s(at.toString())));
        return item;
    }

    static Deployment fromItem(Map<String, AttributeValue> item) {
        Map<TimelineKey, Instant> timeline = new EnumMap<>(TimelineKey.class);
        for (TimelineKey key : TimelineKey.values()) {
            String at = text(item, key.name());
            if (at != null) {
                timeline.put(key, Instant.parse(at));
            }
        }
        return new Deployment(
                new ServiceRef(text(item, "cluster"), text(item, "service")),
                text(item, "deploymentId"),
                text(item, "taskDefinitionArn"),
                text(item, "previousRevisionArn"),
                text(item, "rollbackTargetArn"),
                new ImageRef(text(item, "repository"), text(item, "imageDigest"), text(item, "imageTag")),
                DeploymentState.valueOf(text(item, "state")),
                text(item, "ecsDeploymentId"),
                flag(item, "rolloutIssued"),
                timeline,
                text(item, "reason"),
                text(item, "rollbackCause"),
                flag(item, "rollbackIssued"),
                text(item, "rollbackEcsDeploymentId"),
                Long.parseLong(item.get("version").n()));
    }

    /** The head item ({@code sk=HEAD}): the service's newest accepted image, its push time and revision. */
    static Map<String, AttributeValue> toItem(ServiceHead head) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(servicePk(head.service())));
        item.put("sk", s(HEAD_SK));
        item.put("type", s("ServiceHead"));
        item.put("cluster", s(head.service().cluster()));
        item.put("service", s(head.service().service()));
        item.put("repository", s(head.image().repository()));
        item.put("imageDigest", s(head.image().digest()));
        putIfPresent(item, "imageTag", head.image().tag());
        item.put("pushedAt", s(head.pushedAt().toString()));
        item.put("causeEventId", s(head.causeEventId()));
        putIfPresent(item, "revisionArn", head.revisionArn());
        item.put("rolloutAttempted", AttributeValue.fromBool(head.rolloutAttempted()));
        item.put("version", AttributeValue.fromN(Long.toString(head.version())));
        return item;
    }

    static ServiceHead headFromItem(Map<String, AttributeValue> item) {
        return new ServiceHead(
                new ServiceRef(text(item, "cluster"), text(item, "service")),
                new ImageRef(text(item, "repository"), text(item, "imageDigest"), text(item, "imageTag")),
                Instant.parse(text(item, "pushedAt")),
                text(item, "causeEventId"),
                text(item, "revisionArn"),
                flag(item, "rolloutAttempted"),
                Long.parseLong(item.get("version").n()));
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) && Boolean.TRUE.equals(item.get(name).bool());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
