package dev.antigravity.lambdas.adapters.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.lambdas.app.Outcome;

/** An outcome as one JSON object: the handler's return value, the CLI's output and the structured log line. */
public final class OutcomeJson {
    private OutcomeJson() {}

    public static ObjectNode toJson(ObjectMapper mapper, Outcome outcome) {
        ObjectNode node = mapper.createObjectNode();
        node.put("handler", outcome.handler());
        node.put("eventId", outcome.eventId());
        node.put("result", outcome.result().name());
        node.put("reason", outcome.reason());
        if (outcome.service() != null) {
            node.put("service", outcome.service());
        }
        if (outcome.deploymentId() != null) {
            node.put("deploymentId", outcome.deploymentId());
        }
        if (outcome.state() != null) {
            node.put("state", outcome.state());
        }
        outcome.actions().forEach(node.putArray("actions")::add);
        return node;
    }
}
