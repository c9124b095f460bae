package dev.antigravity.api.service;

import dev.antigravity.api.model.NotificationChannel;
import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.OutboxMessage;
import dev.antigravity.api.model.User;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import dev.antigravity.api.repository.Pipeline;
import dev.antigravity.api.repository.Sql;
import dev.antigravity.api.repository.UserRepository;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.List;
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
        if (NEWS.containsKey(order.status())) {
            messages(order, users.findBySubject(tx, order.customer())).forEach(m -> outbox.enqueue(tx, m, now));
        }
    }

    /** The statement reading who the customer is; {@link #owed} takes its result. */
    Sql recipient(String customer) {
        return users.bySubject(customer);
    }

    /** {@link #orderChanged} as statements of a pipeline, the customer read by {@link #recipient} before. */
    List<Sql> owed(Order order, Pipeline.Result recipient, Instant now) {
        return messages(order, UserRepository.found(recipient)).stream()
                .map(message -> outbox.enqueue(message, now))
                .toList();
    }

    private static List<OutboxMessage> messages(Order order, Optional<User> customer) {
        String news = NEWS.get(order.status());
        if (news == null) {
            return List.of();
        }
        if (customer.isEmpty()) {
            // Orders are placed by token subjects; one without a registered user has no address.
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "Order " + order.id() + " " + news + ": no user for its subject, no notification");
            return List.of();
        }
        String eventKey = "order-" + order.id() + "-" + order.status().name();
        String subject = "Your order " + order.id() + " " + news;
        String total = order.total().toPlainString();
        User user = customer.get();
        OutboxMessage email = OutboxMessage.draft(
                eventKey,
                NotificationChannel.EMAIL,
                user.email(),
                subject,
                "Hello " + user.name() + ",\n\nyour order " + order.id() + " " + news + " (total " + total + ").\n");
        if (!user.wantsSms()) {
            return List.of(email);
        }
        return List.of(
                email,
                OutboxMessage.draft(
                        eventKey,
                        NotificationChannel.SMS,
                        user.phone(),
                        subject,
                        "Order " + order.id() + " " + news + " (total " + total + ")."));
    }
}
