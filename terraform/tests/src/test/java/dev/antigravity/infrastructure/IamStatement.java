package dev.antigravity.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** One statement of an aws_iam_policy_document, with the questions the policy tests ask of it. */
record IamStatement(String location, String sid, boolean allow, List<String> actions, List<String> resources) {

    /**
     * Actions AWS does not scope to resources: a statement may use Resource "*" only with these.
     * Each is listed in the Service Authorization Reference without a resource type.
     */
    static final Set<String> NOT_RESOURCE_SCOPED = Set.of(
            "ecr:GetAuthorizationToken",
            "ecs:RegisterTaskDefinition",
            "ecs:DescribeTaskDefinition",
            "elasticloadbalancing:DescribeTargetHealth",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSubnets",
            "xray:PutTraceSegments",
            "xray:PutTelemetryRecords",
            "cloudwatch:GetMetricData");

    static IamStatement of(String location, JsonNode statement) {
        String effect = TerraformConfiguration.text(statement, "effect");
        return new IamStatement(
                location,
                TerraformConfiguration.text(statement, "sid"),
                effect == null || effect.equals("Allow"),
                TerraformConfiguration.strings(statement.get("actions")),
                TerraformConfiguration.strings(statement.get("resources")));
    }

    /** Allowed actions with a wildcard ("*", "s3:*", "kms:ReEncrypt*"). */
    List<String> wildcardActions() {
        return allow ? actions.stream().filter(action -> action.contains("*")).toList() : List.of();
    }

    /** Allowed actions granted on Resource "*" although AWS could scope them. */
    List<String> scopableActionsOnEveryResource() {
        if (!allow || !resources.contains("*")) {
            return List.of();
        }
        return actions.stream()
                .filter(action -> !NOT_RESOURCE_SCOPED.contains(action))
                .toList();
    }

    String key() {
        return location + "#" + sid;
    }
}
