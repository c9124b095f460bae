package dev.antigravity.lambdas.app.notify;

import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import java.util.List;

/** At least one channel was not delivered; thrown so Lambda retries the event and finally parks it in the DLQ. */
public final class NotificationFailedException extends RuntimeException {
    private final NotifyPlatformEvent.Outcome outcome;

    public NotificationFailedException(NotifyPlatformEvent.Outcome outcome, List<DeliveryFailedException> failures) {
        super("notification not delivered: " + outcome.failed());
        failures.forEach(this::addSuppressed);
        this.outcome = outcome;
    }

    public NotifyPlatformEvent.Outcome outcome() {
        return outcome;
    }
}
