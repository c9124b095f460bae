package dev.antigravity.api.repository;

import dev.antigravity.api.model.NotificationChannel;
import dev.antigravity.api.model.OutboxMessage;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification outbox. Rows are added inside the transaction of the order change that owes
 * them; delivery claims one with a lease (a conditional update, so two tasks never hold the same
 * row), sends, and marks it only while still holding that lease.
 */
public final class NotificationOutboxRepository {
    private static final String COLUMNS = "id, event_key, channel, recipient, subject, body, attempts";
    /** Columns and values every owed message starts with; the recipient and body follow per channel. */
    private static final String OWE = "INSERT INTO notification_outbox (event_key, channel, recipient, subject, body, "
            + "status, attempts, next_attempt_at, created_at) SELECT :eventKey, ";

    private static final String OWED_TOTAL = " || :beforeTotal || CAST(o.total AS VARCHAR) || :afterTotal, "
            + "'PENDING', 0, :now, :now FROM orders o JOIN users u ON u.subject = o.customer_subject "
            + "WHERE o.id = :orderId";
    private static final NamedStatement OWE_EMAIL =
            NamedStatement.of(OWE + "'EMAIL', u.email, :subject, :greeting || u.name" + OWED_TOTAL);
    private static final NamedStatement OWE_SMS = NamedStatement.of(
            OWE + "'SMS', u.phone, :subject, ''" + OWED_TOTAL + " AND u.phone IS NOT NULL AND u.sms_opt_in");
    /** A row is free to claim when nobody holds it or its holder's lease ran out. */
    private static final String CLAIMABLE =
            "status = 'PENDING' AND next_attempt_at <= :now " + "AND (lease_until IS NULL OR lease_until < :now)";

    /** Where a message stands; for operators and tests. */
    public record Delivery(String status, int attempts, String providerMessageId, String lastError) {}

    /**
     * The statement owing the customer of an order one message about it, its recipient and text taken from the
     * customer's and the order's rows by the statement itself (INSERT ... SELECT): a placing transaction can then
     * send it in the same round trip as the statements that create those rows, instead of reading the customer and
     * the order's total first. The body is {@code greeting || name || beforeTotal || total || afterTotal} for an
     * email, {@code beforeTotal || total || afterTotal} for an SMS (no greeting), the total as the database writes a
     * NUMERIC(14, 2) ({@code 12.50}, the same digits as {@link java.math.BigDecimal#toPlainString}). An SMS is owed
     * only to a customer with a phone number who opted in; no user for the order's customer, no message.
     */
    public Sql oweCustomer(CustomerMessage message, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("eventKey", message.eventKey());
        values.put("subject", message.subject());
        values.put("beforeTotal", message.beforeTotal());
        values.put("afterTotal", message.afterTotal());
        values.put("now", Times.utc(now));
        values.put("orderId", message.orderId());
        if (message.channel() == NotificationChannel.EMAIL) {
            values.put("greeting", message.greeting());
            return OWE_EMAIL.write(values);
        }
        return OWE_SMS.write(values);
    }

    /** {@link #oweCustomer(CustomerMessage, Instant)} run at once; true if the customer is owed the message. */
    public boolean oweCustomer(DbExecute db, CustomerMessage message, Instant now) {
        Sql owe = oweCustomer(message, now);
        return db.createInsert(owe.text()).params(owe.values()).execute() > 0;
    }

    /**
     * A message {@link #oweCustomer} renders from the rows: the texts around the customer's name and the order's
     * total. {@code greeting} is what comes before the name in an email; an SMS carries no name (null).
     */
    public record CustomerMessage(
            String eventKey,
            NotificationChannel channel,
            long orderId,
            String subject,
            String greeting,
            String beforeTotal,
            String afterTotal) {}

    /** Ids of messages that may be claimed now, the longest waiting first. */
    public List<Long> claimable(DbExecute db, Instant now, int limit) {
        return db.createQuery("SELECT id FROM notification_outbox WHERE " + CLAIMABLE
                        + " ORDER BY next_attempt_at, id LIMIT :limit")
                .addParam("now", Times.utc(now))
                .addParam("limit", limit)
                .execute()
                .map(row -> Columns.longValue(row, "id"))
                .toList();
    }

    /**
     * Takes the message for {@code token} until {@code until} and counts the attempt; empty when
     * someone else holds it, or it was sent or given up meanwhile.
     */
    public Optional<OutboxMessage> claim(DbExecute db, long id, String token, Instant now, Instant until) {
        long claimed = db.createUpdate("UPDATE notification_outbox SET lease_token = :token, lease_until = :until, "
                        + "attempts = attempts + 1 WHERE id = :id AND " + CLAIMABLE)
                .addParam("token", token)
                .addParam("until", Times.utc(until))
                .addParam("id", id)
                .addParam("now", Times.utc(now))
                .execute();
        if (claimed != 1) {
            return Optional.empty();
        }
        return db.createGet("SELECT " + COLUMNS + " FROM notification_outbox WHERE id = :id")
                .addParam("id", id)
                .execute()
                .map(NotificationOutboxRepository::message);
    }

    /**
     * Records the send. Idempotent: repeating it changes nothing; false when the lease was lost
     * (another task reclaimed the message after this one's lease ran out).
     */
    public boolean markSent(DbExecute db, long id, String token, String providerMessageId, Instant now) {
        long marked = db.createUpdate("UPDATE notification_outbox SET status = 'SENT', sent_at = :now, "
                        + "provider_message_id = :providerId, lease_until = NULL, last_error = NULL "
                        + "WHERE id = :id AND lease_token = :token")
                .addParam("now", Times.utc(now))
                .addParam("providerId", providerMessageId)
                .addParam("id", id)
                .addParam("token", token)
                .execute();
        return marked == 1;
    }

    /** A failed attempt: due again at {@code next}, or given up ({@code FAILED}) when {@code next} is empty. */
    public boolean markFailed(DbExecute db, long id, String token, String error, Optional<Instant> next) {
        String outcome = next.isPresent() ? "next_attempt_at = :next" : "status = 'FAILED'";
        long updated = db.createUpdate("UPDATE notification_outbox SET " + outcome + ", lease_until = NULL, "
                        + "lease_token = NULL, last_error = :error WHERE id = :id AND lease_token = :token "
                        + "AND status = 'PENDING'")
                .params(failureParams(id, token, error, next))
                .execute();
        return updated == 1;
    }

    private static Map<String, Object> failureParams(long id, String token, String error, Optional<Instant> next) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("token", token);
        params.put("error", error.length() > 1000 ? error.substring(0, 1000) : error);
        next.ifPresent(at -> params.put("next", Times.utc(at)));
        return params;
    }

    /** Messages still owed (not yet sent nor given up). */
    public long pendingCount(DbExecute db) {
        return Counts.of(db, "SELECT COUNT(*) AS total FROM notification_outbox WHERE status = 'PENDING'", Map.of());
    }

    public Optional<Delivery> delivery(DbExecute db, String eventKey, NotificationChannel channel) {
        return db.createGet("SELECT status, attempts, provider_message_id, last_error FROM notification_outbox "
                        + "WHERE event_key = :eventKey AND channel = :channel")
                .addParam("eventKey", eventKey)
                .addParam("channel", channel.name())
                .execute()
                .map(row -> new Delivery(
                        Columns.string(row, "status"),
                        Columns.intValue(row, "attempts"),
                        Columns.nullableString(row, "provider_message_id"),
                        Columns.nullableString(row, "last_error")));
    }

    private static OutboxMessage message(DbRow row) {
        return new OutboxMessage(
                Columns.longValue(row, "id"),
                Columns.string(row, "event_key"),
                NotificationChannel.valueOf(Columns.string(row, "channel")),
                Columns.string(row, "recipient"),
                Columns.string(row, "subject"),
                Columns.string(row, "body"),
                Columns.intValue(row, "attempts"));
    }
}
