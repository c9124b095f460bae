package dev.antigravity.api.notify;

import dev.antigravity.api.model.OutboxMessage;

/** Hands one message to a provider (or, locally, to the log). */
public interface NotificationSender {

    /**
     * Sends {@code message} and returns the provider's message id.
     *
     * @throws DeliveryFailure when it was not sent; {@link DeliveryFailure#permanent()} says a retry cannot help
     */
    String send(OutboxMessage message);
}
