package dev.antigravity.api.model;

/**
 * One message owed to a customer, as stored in the outbox. {@code eventKey} names the event that
 * caused it (e.g. {@code order-42-PAID}); with {@code channel} it is unique. {@code subject} is
 * the email's subject line (unused by SMS). {@code attempts} counts the claims made so far.
 */
public record OutboxMessage(
        long id,
        String eventKey,
        NotificationChannel channel,
        String recipient,
        String subject,
        String body,
        int attempts) {}
