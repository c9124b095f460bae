package dev.antigravity.api.service;

import dev.antigravity.api.model.NotificationChannel;
import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.OutboxMessage;
import dev.antigravity.api.model.User;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import dev.antigravity.api.repository.UserRepository;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a customer is told when their order changes: an email, and an SMS when they gave a phone
 * number and opted in. Called inside the order change's own transaction, so the messages are owed
 * exactly when the change commits; sending is the notification-delivery job's, never the request's.
 */
public final class OrderNotifications {
    private static final System.Logger LOG = System.getLogger(OrderNotifications.class.getName());

    /** The statuses customers hear about (PENDING is the order being placed), with what they read. */
    private static final Map<OrderStatus, String> NEWS = Map.of(
            OrderStatus.PENDING, "was placed",
            OrderStatus.PAID, "is paid",
            OrderStatus.SHIPPED, "has shipped",
            OrderStatus.REFUNDED, "was refunded");

    private final UserRepository users;
    private final NotificationOutboxRepository outbox;

    public OrderNotifications(UserRepository users, NotificationOutboxRepository outbox) {
        this.users = users;
        this.outbox = outbox;
    }

    /** Owes the customer the messages for {@code order}'s new status, if that status is news to them. */
    void orderChanged(DbExecute tx, Order order, Instant now) {
        String news = NEWS.get(order.status());
        if (news == null) {
            return;
        }
        Optional<User> customer = users.findBySubject(tx, order.customer());
        if (customer.isEmpty()) {
            // Orders are placed by token subjects; one without a registered user has no address.
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "Order " + order.id() + " " + news + ": no user for its subject, no notification");
            return;
        }
        String eventKey = "order-" + order.id() + "-" + order.status().name();
        String subject = "Your order " + order.id() + " " + news;
        String total = order.total().toPlainString();
        User user = customer.get();
        outbox.enqueue(
                tx,
                OutboxMessage.draft(
                        eventKey,
                        NotificationChannel.EMAIL,
                        user.email(),
                        subject,
                        "Hello " + user.name() + ",\n\nyour order " + order.id() + " " + news + " (total " + total
                                + ").\n"),
                now);
        if (user.wantsSms()) {
            outbox.enqueue(
                    tx,
                    OutboxMessage.draft(
                            eventKey,
                            NotificationChannel.SMS,
                            user.phone(),
                            subject,
                            "Order " + order.id() + " " + news + " (total " + total + ")."),
                    now);
        }
    }
}
