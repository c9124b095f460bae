package dev.antigravity.lambdas.notifyfixtures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SNS → Lambda events (the real shape, notify/sns-event.json) carrying a given message body. */
public final class SnsEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnsEvents() {}

    public static InputStream carrying(String messageBody) {
        try (InputStream template = SnsEvents.class.getResourceAsStream("/notify/sns-event.json")) {
            ObjectNode event = (ObjectNode) JSON.readTree(template);
            ((ObjectNode) event.at("/Records/0/Sns")).put("Message", messageBody);
            return new ByteArrayInputStream(JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream of(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
