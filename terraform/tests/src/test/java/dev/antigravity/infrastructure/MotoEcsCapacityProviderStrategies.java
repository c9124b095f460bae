package dev.antigravity.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ECS services' capacity provider strategies, which moto 5.2 drops: its CreateService ignores the strategy and
 * records launch type EC2, so the provider's next plan wants to change the strategy, which it refuses without
 * force_new_deployment, and no second plan of an environment with Fargate Spot can run. The strategy each
 * CreateService or UpdateService passing through {@link MotoProtocolTranslator} gave is kept here, by cluster and
 * service name, and put back into DescribeServices answers in place of the launch type, as ECS answers.
 */
final class MotoEcsCapacityProviderStrategies {

    static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";

    private final Map<String, ArrayNode> strategies = new ConcurrentHashMap<>();

    /** Notes the strategy a CreateService or UpdateService request gives, once moto accepted it. */
    void requested(String operation, JsonNode input) {
        JsonNode strategy = input.path("capacityProviderStrategy");
        if ((operation.equals("CreateService") || operation.equals("UpdateService")) && strategy.isArray()) {
            String service = input.path(operation.equals("CreateService") ? "serviceName" : "service")
                    .asText();
            strategies.put(key(input.path("cluster").asText("default"), name(service)), (ArrayNode) strategy);
        }
    }

    /** A DescribeServices (or Create/UpdateService) answer with the kept strategies; changed in place. */
    JsonNode answered(JsonNode output) {
        output.path("services").forEach(this::restore);
        restore(output.path("service"));
        return output;
    }

    private void restore(JsonNode service) {
        if (!(service instanceof ObjectNode described)) {
            return;
        }
        ArrayNode strategy = strategies.get(key(
                name(described.path("clusterArn").asText()),
                described.path("serviceName").asText()));
        if (strategy != null && !strategy.isEmpty()) {
            described.set("capacityProviderStrategy", strategy.deepCopy());
            described.remove("launchType");
        }
    }

    private static String key(String cluster, String service) {
        return name(cluster) + "/" + service;
    }

    /** The last part of an ARN ("arn:...:cluster/NAME", "arn:...:service/CLUSTER/NAME"), or the name itself. */
    private static String name(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }
}
