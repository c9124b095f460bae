package dev.antigravity.api.notify;

import dev.antigravity.api.model.OutboxMessage;
import java.util.UUID;

/**
 * The sender when no AWS is configured ({@code notifications.email.from} empty, as in
 * {@code scripts/run-api}): each message is written to the log instead of being sent, so the whole
 * order flow, outbox and delivery job included, runs locally. Never used with a sender address.
 */
public final class LoggingNotificationSender implements NotificationSender {
    private static final System.Logger LOG = System.getLogger(LoggingNotificationSender.class.getName());

    @Override
    public String send(OutboxMessage message) {
        LOG.log(
                System.Logger.Level.INFO,
                "NOT SENT (local log sender, no notifications.email.from): "
                        + message.channel() + " to " + message.recipient() + " for " + message.eventKey() + ": "
                        + message.subject());
        return "logged-" + UUID.randomUUID();
    }
}
