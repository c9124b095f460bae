package dev.antigravity.lambdas.adapters.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.control.ControlAction;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One button click as Slack posts it: {@code application/x-www-form-urlencoded} with a {@code payload} field holding
 * the {@code block_actions} JSON. Only the fields the controls need are read; the button's {@code value} is the
 * {@code service|deployment} pair {@link SlackMessageFormatter} put there.
 *
 * @param messageTs the clicked message's {@code ts}: the thread the outcome is announced in
 */
public record SlackInteraction(
        ControlAction action,
        ServiceRef service,
        String deploymentId,
        String userId,
        String userName,
        String actionTs,
        String responseUrl,
        String messageTs) {

    /** Thrown for a body that is not a button click of ours; the answer is 400 and nothing changes. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    public static SlackInteraction parse(String formBody, ObjectMapper json) {
        String payload = null;
        for (String pair : formBody.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("payload")) {
                payload = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        if (payload == null) {
            throw new Unreadable("no payload field in the form body");
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (IOException e) {
            throw new Unreadable("payload is not JSON");
        }
        if (!"block_actions".equals(root.path("type").asText())) {
            throw new Unreadable("payload type '" + root.path("type").asText() + "' is not block_actions");
        }
        JsonNode clicked = root.path("actions").path(0);
        ControlAction action = ControlAction.byId(clicked.path("action_id").asText())
                .orElseThrow(() -> new Unreadable(
                        "unknown action '" + clicked.path("action_id").asText() + "'"));
        String[] value = clicked.path("value").asText().split("\\|", 2);
        String[] service = value[0].split("/", 2);
        if (service.length != 2 || service[0].isBlank() || service[1].isBlank()) {
            throw new Unreadable("button value '" + clicked.path("value").asText() + "' names no cluster/service");
        }
        String deploymentId = value.length == 2 && !value[1].isBlank() ? value[1] : null;
        String userId = text(root.path("user"), "id");
        if (userId == null) {
            throw new Unreadable("payload names no user");
        }
        String userName = text(root.path("user"), "username");
        String messageTs = text(root.path("container"), "message_ts");
        return new SlackInteraction(
                action,
                new ServiceRef(service[0], service[1]),
                deploymentId,
                userId,
                userName == null ? text(root.path("user"), "name") : userName,
                text(clicked, "action_ts"),
                text(root, "response_url"),
                messageTs == null ? text(root.path("message"), "ts") : messageTs);
    }

    /** The button value for a deployment of a service: what a click sends back. */
    public static String buttonValue(String serviceKey, String deploymentId) {
        return serviceKey + (deploymentId == null ? "" : "|" + deploymentId);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
