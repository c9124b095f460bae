package dev.antigravity.events.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.aws.AwsEvent;
import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleHookResponse;
import dev.antigravity.events.platform.PlatformEvent;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one JSON entry point for every event Antigravity reads or writes. Decoding is strict: anything that is not
 * the event it claims to be is a {@link MalformedEventException} with a reason fit for a log line.
 */
public final class EventCodec {
    private final ObjectMapper mapper = new ObjectMapper();

    public AwsEvent decodeAwsEvent(String json) {
        return AwsEventDecoder.decode(parse(json));
    }

    public AwsEvent decodeAwsEvent(InputStream json) {
        return AwsEventDecoder.decode(parse(json));
    }

    public PlatformEvent decodePlatformEvent(String json) {
        return PlatformEventCodec.decode(parse(json));
    }

    public String encode(PlatformEvent event) {
        return write(PlatformEventCodec.encode(event));
    }

    public LifecycleHookPayload decodeLifecycleHook(String json) {
        return LifecycleHookCodec.decode(mapper, parse(json));
    }

    public String encode(LifecycleHookResponse response) {
        return write(LifecycleHookCodec.encode(mapper, response));
    }

    public LifecycleHookResponse decodeLifecycleHookResponse(String json) {
        return LifecycleHookCodec.decodeResponse(mapper, parse(json));
    }

    /** The shared mapper, for callers that write outcome documents (CLI, handlers). */
    public ObjectMapper mapper() {
        return mapper;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode parse(InputStream json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEventException("empty input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + node, e);
        }
    }
}
