package dev.antigravity.lambdas.adapters.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.codec.MalformedEventException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The SNS → Lambda event ({@code {"Records": [{"EventSource": "aws:sns", "Sns": {"MessageId", "Message", …}}]}}),
 * read with the one Jackson already in the jar instead of aws-lambda-java-events' reflective model.
 */
public final class SnsEnvelope {
    private final ObjectMapper mapper;

    public SnsEnvelope(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One SNS message: its id and its body (for Antigravity's topic, a platform event as JSON). */
    public record Message(String messageId, String body) {}

    public List<Message> messages(InputStream event) {
        JsonNode root;
        try {
            root = mapper.readTree(event);
        } catch (IOException e) {
            throw new MalformedEventException("SNS event is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("Records").isArray()) {
            throw new MalformedEventException("not an SNS event: no Records array");
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode record : root.get("Records")) {
            JsonNode sns = record.path("Sns");
            if (!sns.path("Message").isTextual()) {
                throw new MalformedEventException("SNS record without a Message string");
            }
            messages.add(new Message(
                    sns.path("MessageId").asText(null), sns.get("Message").asText()));
        }
        return messages;
    }
}
