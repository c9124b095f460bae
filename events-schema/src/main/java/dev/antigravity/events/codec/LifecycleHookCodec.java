package dev.antigravity.events.codec;

import static dev.antigravity.events.codec.JsonFields.enumValue;
import static dev.antigravity.events.codec.JsonFields.object;
import static dev.antigravity.events.codec.JsonFields.optionalText;
import static dev.antigravity.events.codec.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleHookResponse;
import dev.antigravity.events.lifecycle.LifecycleStage;
import java.util.LinkedHashMap;
import java.util.Map;

/** ECS lifecycle-hook payloads and responses. */
final class LifecycleHookCodec {
    private LifecycleHookCodec() {}

    /**
     * Reads both shapes ECS has documented: the execution fields nested in {@code executionDetails} beside
     * {@code executionId}, {@code lifecycleStage} and {@code resourceArn} (required then), or the same fields flat
     * at the top level, where those three may be absent (the documentation's flat examples carry none of them).
     */
    @SuppressWarnings("unchecked")
    static LifecycleHookPayload decode(ObjectMapper mapper, JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedEventException("a lifecycle hook payload must be a JSON object");
        }
        boolean nested = node.has("executionDetails");
        JsonNode details = nested ? object(node, "executionDetails") : node;
        JsonNode hookDetails = node.get("hookDetails");
        Map<String, Object> hookDetailMap =
                hookDetails == null || !hookDetails.isObject() ? Map.of() : mapper.convertValue(hookDetails, Map.class);
        return new LifecycleHookPayload(
                nested ? text(node, "executionId") : optionalText(node, "executionId"),
                nested || node.has("lifecycleStage") ? enumValue(node, "lifecycleStage", LifecycleStage.class) : null,
                nested ? text(node, "resourceArn") : optionalText(node, "resourceArn"),
                text(details, "serviceArn"),
                text(details, "targetServiceRevisionArn"),
                weights(details, "testTrafficWeights"),
                weights(details, "productionTrafficWeights"),
                hookDetailMap);
    }

    /** Revision ARN → whole percentage; absent means none. A weight ECS did not write is not guessed at. */
    private static Map<String, Integer> weights(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new MalformedEventException("'" + field + "' must be an object of revision ARN to percentage");
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            JsonNode weight = entry.getValue();
            if (!weight.isNumber()
                    || !weight.canConvertToExactIntegral()
                    || weight.asInt() < 0
                    || weight.asInt() > 100) {
                throw new MalformedEventException(
                        "'" + field + "' holds " + weight + " for " + entry.getKey() + ": not a percentage 0-100");
            }
            weights.put(entry.getKey(), weight.asInt());
        });
        return weights;
    }

    static ObjectNode encode(ObjectMapper mapper, LifecycleHookResponse response) {
        ObjectNode node = mapper.createObjectNode();
        node.put("hookStatus", response.hookStatus().name());
        if (response.callBackDelay() != null) {
            node.put("callBackDelay", response.callBackDelay());
        }
        if (!response.hookDetails().isEmpty()) {
            node.set("hookDetails", mapper.valueToTree(response.hookDetails()));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static LifecycleHookResponse decodeResponse(ObjectMapper mapper, JsonNode node) {
        JsonNode delay = node.get("callBackDelay");
        JsonNode details = node.get("hookDetails");
        return new LifecycleHookResponse(
                enumValue(node, "hookStatus", LifecycleHookResponse.HookStatus.class),
                delay == null ? null : delay.asInt(),
                details == null ? Map.of() : mapper.convertValue(details, Map.class));
    }
}
