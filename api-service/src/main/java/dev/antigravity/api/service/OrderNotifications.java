package dev.antigravity.api.service;

import dev.antigravity.api.model.NotificationChannel;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import dev.antigravity.api.repository.NotificationOutboxRepository.CustomerMessage;
import dev.antigravity.api.repository.Sql;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a customer is told when their order changes: an email, and an SMS when they gave a phone
 * number and opted in. Called inside the order change's own transaction, so the messages are owed
 * exactly when the change commits; sending is the notification-delivery job's, never the request's.
 *
 * <p>The texts are written here; the customer's name and address and the order's total are filled in by the
 * statements themselves from the rows ({@link NotificationOutboxRepository#oweCustomer}), so that placing an order
 * needs no read of the customer before its messages can be owed (the whole order is one round trip).
 */
public final class OrderNotifications {
    private static final System.Logger LOG = System.getLogger(OrderNotifications.class.getName());

    /** The statuses customers hear about (PENDING is the order being placed), with what they read. */
    private static final Map<OrderStatus, String> NEWS = Map.of(
            OrderStatus.PENDING, "was placed",
            OrderStatus.PAID, "is paid",
            OrderStatus.SHIPPED, "has shipped",
            OrderStatus.REFUNDED, "was refunded");

    private final NotificationOutboxRepository outbox;

    public OrderNotifications(NotificationOutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** Owes the customer of order {@code orderId} the messages for its new {@code status}, if that is news to them. */
    void orderChanged(DbExecute tx, long orderId, OrderStatus status, Instant now) {
        List<CustomerMessage> messages = messages(orderId, status);
        if (!messages.isEmpty() && !outbox.oweCustomer(tx, messages.getFirst(), now)) {
            // Orders are placed by token subjects; one without a registered user has no address.
            LOG.log(System.Logger.Level.DEBUG, "Order " + orderId + " is " + status + ": no user for its customer");
            return;
        }
        messages.stream().skip(1).forEach(message -> outbox.oweCustomer(tx, message, now));
    }

    /** {@link #orderChanged} as statements of a pipeline, after the statements that write the order. */
    List<Sql> owed(long orderId, OrderStatus status, Instant now) {
        return messages(orderId, status).stream()
                .map(message -> outbox.oweCustomer(message, now))
                .toList();
    }

    /** The email first, then the SMS (owed only to a customer who opted in; the statement checks). */
    private static List<CustomerMessage> messages(long orderId, OrderStatus status) {
        String news = NEWS.get(status);
        if (news == null) {
            return List.of();
        }
        String eventKey = "order-" + orderId + "-" + status.name();
        String subject = "Your order " + orderId + " " + news;
        return List.of(
                new CustomerMessage(
                        eventKey,
                        NotificationChannel.EMAIL,
                        orderId,
                        subject,
                        "Hello ",
                        ",\n\nyour order " + orderId + " " + news + " (total ",
                        ").\n"),
                new CustomerMessage(
                        eventKey,
                        NotificationChannel.SMS,
                        orderId,
                        subject,
                        null,
                        "Order " + orderId + " " + news + " (total ",
                        ")."));
    }
}
