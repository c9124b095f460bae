package dev.antigravity.api.notify;

import dev.antigravity.api.model.OutboxMessage;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import io.helidon.dbclient.DbClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers what the outbox owes: claim a due message with a lease (one conditional update, so two
 * tasks never send the same message at once), send it, and mark it sent while still holding the
 * lease. A failed send is retried later with backoff, a rejected one is given up; the order that
 * owed it never waits for any of this.
 *
 * <p>Neither SES v2 {@code SendEmail} nor SNS {@code Publish} to a phone number takes an
 * idempotency key, so a task that dies after the provider took the message and before the mark
 * committed leaves a claim whose lease runs out: the message is then sent again (at least once,
 * never lost). The mark itself is idempotent and retried in place, so a database blip after a send
 * does not cause a second one; only a dead task does.
 */
public final class NotificationDelivery {
    private static final System.Logger LOG = System.getLogger(NotificationDelivery.class.getName());
    private static final int MARK_ATTEMPTS = 3;

    private final DbClient db;
    private final NotificationOutboxRepository outbox;
    private final NotificationSender sender;
    private final DeliveryPolicy policy;
    private final Clock clock;

    public NotificationDelivery(
            DbClient db,
            NotificationOutboxRepository outbox,
            NotificationSender sender,
            DeliveryPolicy policy,
            Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.sender = sender;
        this.policy = policy;
        this.clock = clock;
    }

    /** One run of the job: delivers up to a batch of due messages; returns how many were sent. */
    public int deliverDue(String correlationId) {
        List<Long> due = outbox.claimable(db.execute(), clock.instant(), policy.batch());
        int sent = 0;
        for (long id : due) {
            if (deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(long id) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Optional<OutboxMessage> claimed = outbox.claim(db.execute(), id, token, now, now.plus(policy.lease()));
        if (claimed.isEmpty()) {
            return false; // another task took it first
        }
        OutboxMessage message = claimed.get();
        String providerId;
        try {
            providerId = sender.send(message);
        } catch (DeliveryFailure failure) {
            recordFailure(message, token, failure);
            return false;
        }
        mark(message, token, providerId);
        return true;
    }

    private void recordFailure(OutboxMessage message, String token, DeliveryFailure failure) {
        Optional<Duration> backoff = failure.permanent() ? Optional.empty() : policy.backoffAfter(message.attempts());
        outbox.markFailed(db.execute(), message.id(), token, failure.getMessage(), backoff.map(clock.instant()::plus));
        if (backoff.isPresent()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Notification " + describe(message) + " attempt " + message.attempts() + " failed, next in "
                            + backoff.get() + ": " + failure.getMessage());
        } else {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Notification " + describe(message) + " given up after " + message.attempts() + " attempt(s): "
                            + failure.getMessage());
        }
    }

    /** Retried in place: the message is out, and only a lost mark would send it again. */
    private void mark(OutboxMessage message, String token, String providerId) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!outbox.markSent(db.execute(), message.id(), token, providerId, clock.instant())) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Notification " + describe(message) + " was sent (" + providerId
                                    + ") after its lease ran out; another task may have sent it too");
                }
                return;
            } catch (RuntimeException e) {
                if (attempt == MARK_ATTEMPTS) {
                    LOG.log(
                            System.Logger.Level.ERROR,
                            "Notification " + describe(message) + " was sent (" + providerId
                                    + ") but could not be marked; it is sent again when its lease ends: " + e);
                    return;
                }
                sleep(Duration.ofMillis(200L * attempt));
            }
        }
    }

    private static String describe(OutboxMessage message) {
        return message.channel() + " " + message.eventKey() + " (#" + message.id() + ")";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
