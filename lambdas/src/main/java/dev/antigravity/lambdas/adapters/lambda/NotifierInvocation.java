package dev.antigravity.lambdas.adapters.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.codec.MalformedEventException;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.lambdas.adapters.sns.SnsEnvelope;
import dev.antigravity.lambdas.app.notify.NotificationFailedException;
import dev.antigravity.lambdas.app.notify.NotifyPlatformEvent;
import dev.antigravity.lambdas.logging.Log;
import dev.antigravity.lambdas.logging.LogContext;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** One NotifierHandler invocation: SNS records → platform events → channels, with a log line per event. */
public final class NotifierInvocation {
    private static final Log LOG = Log.of(NotifierInvocation.class);

    private final SnsEnvelope envelope;
    private final EventCodec codec;
    private final NotifyPlatformEvent notifier;
    private final InstantSource clock;

    public NotifierInvocation(
            SnsEnvelope envelope, EventCodec codec, NotifyPlatformEvent notifier, InstantSource clock) {
        this.envelope = envelope;
        this.codec = codec;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** @return a JSON summary per message; throws when any event is owed to a channel after the retries */
    public String handle(InputStream event, Duration remaining) {
        ObjectMapper json = codec.mapper();
        ObjectNode summary = json.createObjectNode();
        ArrayNode results = summary.putArray("results");
        List<SnsEnvelope.Message> messages;
        try {
            messages = envelope.messages(event);
        } catch (MalformedEventException e) {
            LOG.error("rejected: not an SNS event; acknowledged without retry", e, "handler", "NotifierHandler");
            results.addObject().put("result", "REJECTED").put("reason", e.getMessage());
            return summary.toString();
        }
        Instant leaseUntil = clock.instant().plus(remaining);
        NotificationFailedException failure = null;
        for (SnsEnvelope.Message message : messages) {
            try (LogContext.Scope scope =
                    LogContext.with("handler", "NotifierHandler", "snsMessageId", message.messageId())) {
                ObjectNode result = results.addObject().put("snsMessageId", message.messageId());
                PlatformEvent platformEvent;
                try {
                    platformEvent = codec.decodePlatformEvent(message.body());
                } catch (MalformedEventException e) {
                    LOG.error("rejected: not a platform event; acknowledged without retry", e);
                    result.put("result", "REJECTED").put("reason", e.getMessage());
                    continue;
                }
                LogContext.put("eventId", platformEvent.eventId());
                LogContext.put("deploymentId", platformEvent.deploymentId());
                LogContext.put("service", platformEvent.cluster() + "/" + platformEvent.service());
                LogContext.put("eventType", platformEvent.type().name());
                result.put("eventId", platformEvent.eventId());
                try {
                    NotifyPlatformEvent.Outcome outcome = notifier.notify(platformEvent, leaseUntil);
                    LOG.info("notified", "delivered", outcome.delivered(), "skipped", outcome.skipped());
                    result.put("result", "DELIVERED");
                    result.set("outcome", json.valueToTree(outcome));
                } catch (NotificationFailedException e) {
                    LOG.error(
                            "not delivered to every channel; Lambda retries the event, then the DLQ keeps it",
                            e,
                            "delivered",
                            e.outcome().delivered(),
                            "failed",
                            e.outcome().failed());
                    result.put("result", "FAILED");
                    result.set("outcome", json.valueToTree(e.outcome()));
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return summary.toString();
    }
}
