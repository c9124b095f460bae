package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.ADMIN;
import static dev.antigravity.api.service.Fixtures.PAID;
import static dev.antigravity.api.service.Fixtures.fields;
import static dev.antigravity.api.service.Fixtures.problem;
import static dev.antigravity.api.service.Fixtures.product;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.model.NotificationChannel;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.User;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import dev.antigravity.api.repository.NotificationOutboxRepository.Delivery;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Order changes owe their notifications in the change's own transaction: all or nothing. */
class OrderNotificationsTest extends EngineTest {
    private static final NotificationOutboxRepository OUTBOX = new NotificationOutboxRepository();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void placedPaidAndShippedEachOweAnEmailAndAnSmsToAnOptedInCustomer(Engine engine) {
        DomainServices s = services(engine);
        Actor customer = Fixtures.registered(s, "+4915112345678", true);
        long order = place(s, customer, product(s, unique("kite"), "12.50", 5));
        s.orders().changeStatus(ADMIN, order, PAID);
        s.orders().changeStatus(ADMIN, order, new StatusChange("SHIPPED"));

        for (String status : List.of("PENDING", "PAID", "SHIPPED")) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                assertThat(delivery(engine, "order-" + order + "-" + status, channel))
                        .as("%s %s", status, channel)
                        .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo("PENDING"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPhoneWithoutOptInGetsNoSmsAndACancelledOrderNoMessage(Engine engine) {
        DomainServices s = services(engine);
        Actor customer = Fixtures.registered(s, "+4915112345679", false);
        long order = place(s, customer, product(s, unique("kite"), "12.50", 5));
        s.orders().changeStatus(customer, order, new StatusChange("CANCELLED"));

        assertThat(delivery(engine, "order-" + order + "-PENDING", NotificationChannel.EMAIL))
                .isPresent();
        assertThat(delivery(engine, "order-" + order + "-PENDING", NotificationChannel.SMS))
                .isEmpty();
        assertThat(delivery(engine, "order-" + order + "-CANCELLED", NotificationChannel.EMAIL))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOrderThatFailsOwesNothing(Engine engine) {
        DomainServices s = services(engine);
        Actor customer = Fixtures.registered(s, null, false);
        Product scarce = product(s, unique("scarce"), "1.00", 1);
        long order = place(s, customer, scarce);

        // The second order fails on stock inside its transaction: its outbox row goes with it.
        problem(() -> s.orders()
                .place(customer, new OrderRequest(List.of(new OrderRequest.Line(scarce.id(), 1))), Optional.empty()));
        assertThat(delivery(engine, "order-" + (order + 1) + "-PENDING", NotificationChannel.EMAIL))
                .isEmpty();
        // A PAID refused for an expired or foreign order writes nothing either.
        problem(() -> s.orders().changeStatus(customer, order, PAID));
        assertThat(delivery(engine, "order-" + order + "-PAID", NotificationChannel.EMAIL))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPhoneMustBeE164AndOptingInNeedsOne(Engine engine) {
        DomainServices s = services(engine);
        assertThat(fields(problem(() -> s.users()
                        .register(
                                ADMIN,
                                new UserRegistration(
                                        unique("p") + "@example.com", "P", "CUSTOMER", null, "0151 1234", true)))))
                .containsExactly("phone");
        assertThat(fields(problem(() -> s.users()
                        .register(
                                ADMIN,
                                new UserRegistration(
                                        unique("p") + "@example.com", "P", "CUSTOMER", null, null, true)))))
                .containsExactly("smsOptIn");
        User user = s.users()
                .register(
                        ADMIN,
                        new UserRegistration(
                                unique("p") + "@example.com", "P", "CUSTOMER", unique("sub"), "+14155550100", true));
        assertThat(s.users().get(ADMIN, user.id()))
                .extracting(User::phone, User::smsOptIn)
                .containsExactly("+14155550100", true);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theMessagesCarryTheCustomersNameAndAddressAndTheOrdersTotalAsWritten(Engine engine) {
        DomainServices s = services(engine);
        String subject = unique("customer");
        String email = unique("zoe") + "@example.com";
        s.users()
                .register(
                        ADMIN,
                        new UserRegistration(email, "Zoë O'Brien; --", "CUSTOMER", subject, "+4915112345670", true));
        Actor customer = new Actor(subject, false, unique("corr"));
        Product kite = product(s, unique("kite"), "1234.05", 5);
        long order = s.orders()
                .place(customer, new OrderRequest(List.of(new OrderRequest.Line(kite.id(), 2))), Optional.empty())
                .orderId();
        Product ribbon = product(s, unique("ribbon"), "0.10", 5);
        long small = place(s, customer, ribbon);

        assertThat(message(engine, "order-" + order + "-PENDING", NotificationChannel.EMAIL))
                .containsExactly(
                        email,
                        "Your order " + order + " was placed",
                        "Hello Zoë O'Brien; --,\n\nyour order " + order + " was placed (total 2468.10).\n");
        assertThat(message(engine, "order-" + order + "-PENDING", NotificationChannel.SMS))
                .containsExactly(
                        "+4915112345670",
                        "Your order " + order + " was placed",
                        "Order " + order + " was placed (total 2468.10).");
        assertThat(message(engine, "order-" + small + "-PENDING", NotificationChannel.SMS))
                .containsExactly(
                        "+4915112345670",
                        "Your order " + small + " was placed",
                        "Order " + small + " was placed (total 0.10).");
        s.orders().changeStatus(ADMIN, order, PAID);
        assertThat(message(engine, "order-" + order + "-PAID", NotificationChannel.EMAIL))
                .containsExactly(
                        email,
                        "Your order " + order + " is paid",
                        "Hello Zoë O'Brien; --,\n\nyour order " + order + " is paid (total 2468.10).\n");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSubjectWithoutAUserIsOwedNothing(Engine engine) {
        DomainServices s = services(engine);
        long order = place(s, Fixtures.customer(), product(s, unique("kite"), "1.00", 5));

        for (NotificationChannel channel : NotificationChannel.values()) {
            assertThat(delivery(engine, "order-" + order + "-PENDING", channel)).isEmpty();
        }
    }

    /** The recipient, subject and body of a message owed. */
    private List<String> message(Engine engine, String eventKey, NotificationChannel channel) {
        return wired(engine)
                .database()
                .dbClient()
                .execute()
                .createGet("SELECT recipient, subject, body FROM notification_outbox "
                        + "WHERE event_key = :eventKey AND channel = :channel")
                .addParam("eventKey", eventKey)
                .addParam("channel", channel.name())
                .execute()
                .map(row -> List.of(
                        row.column("recipient").getString(),
                        row.column("subject").getString(),
                        row.column("body").getString()))
                .orElseThrow(() -> new AssertionError("no " + channel + " message for " + eventKey));
    }

    private static long place(DomainServices s, Actor customer, Product product) {
        return s.orders()
                .place(customer, new OrderRequest(List.of(new OrderRequest.Line(product.id(), 1))), Optional.empty())
                .orderId();
    }

    private Optional<Delivery> delivery(Engine engine, String eventKey, NotificationChannel channel) {
        return OUTBOX.delivery(wired(engine).database().dbClient().execute(), eventKey, channel);
    }
}
