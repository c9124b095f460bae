package dev.antigravity.lambdas.adapters.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.lambdas.adapters.slack.SlackInteractivity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Lambda function URL request (payload format 2.0) in, its response out: the raw body (base64-decoded when the URL
 * says so: the signature covers the bytes Slack sent), the headers lower-cased, and the answer as
 * {@code statusCode}/{@code headers}/{@code body}.
 */
public final class FunctionUrlInvocation {
    private final SlackInteractivity interactivity;
    private final ObjectMapper json;

    public FunctionUrlInvocation(SlackInteractivity interactivity, ObjectMapper json) {
        this.interactivity = interactivity;
        this.json = json;
    }

    public String handle(InputStream input) throws IOException {
        SlackInteractivity.Answer answer;
        JsonNode request;
        try {
            request = json.readTree(input);
        } catch (IOException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            answer = new SlackInteractivity.Answer(400, "not a function URL request; nothing was done");
        } else if (!"POST"
                .equals(request.path("requestContext")
                        .path("http")
                        .path("method")
                        .asText("POST"))) {
            answer = new SlackInteractivity.Answer(405, "Slack interactivity requests are POSTs; nothing was done");
        } else {
            Map<String, String> headers = new HashMap<>();
            request.path("headers")
                    .properties()
                    .forEach(h -> headers.put(
                            h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
            String body = request.path("body").asText("");
            try {
                if (request.path("isBase64Encoded").asBoolean(false)) {
                    body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
                }
                answer = interactivity.handle(headers, body);
            } catch (IllegalArgumentException notBase64) {
                answer = new SlackInteractivity.Answer(
                        400, "the body is not base64 as the request says; nothing was done");
            }
        }
        ObjectNode response = json.createObjectNode().put("statusCode", answer.status());
        response.putObject("headers").put("content-type", "application/json");
        response.put(
                "body",
                json.createObjectNode()
                        .put("response_type", "ephemeral")
                        .put("text", answer.text())
                        .toString());
        return response.toString();
    }
}
