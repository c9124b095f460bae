package dev.antigravity.events.codec;

import static dev.antigravity.events.codec.JsonFields.enumValue;
import static dev.antigravity.events.codec.JsonFields.integers;
import static dev.antigravity.events.codec.JsonFields.object;
import static dev.antigravity.events.codec.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleHookResponse;
import dev.antigravity.events.lifecycle.LifecycleStage;
import java.util.Map;

/** ECS lifecycle-hook payloads and responses. */
final class LifecycleHookCodec {
    private LifecycleHookCodec() {
    }

    @SuppressWarnings("unchecked")
    static LifecycleHookPayload decode(ObjectMapper mapper, JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedEventException("a lifecycle hook payload must be a JSON object");
        }
        JsonNode details = object(node, "executionDetails");
        JsonNode hookDetails = node.get("hookDetails");
        Map<String, Object> hookDetailMap = hookDetails == null || !hookDetails.isObject()
                ? Map.of() : mapper.convertValue(hookDetails, Map.class);
        return new LifecycleHookPayload(text(node, "executionId"),
                enumValue(node, "lifecycleStage", LifecycleStage.class), text(node, "resourceArn"),
                text(details, "serviceArn"), text(details, "targetServiceRevisionArn"),
                integers(details, "testTrafficWeights"), integers(details, "productionTrafficWeights"), hookDetailMap);
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
        return new LifecycleHookResponse(enumValue(node, "hookStatus", LifecycleHookResponse.HookStatus.class),
                delay == null ? null : delay.asInt(),
                details == null ? Map.of() : mapper.convertValue(details, Map.class));
    }
}
