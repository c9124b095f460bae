package dev.antigravity.api.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.model.NotificationChannel;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import dev.antigravity.api.repository.NotificationOutboxRepository.Delivery;
import dev.antigravity.api.service.Actor;
import dev.antigravity.api.service.DomainServices;
import dev.antigravity.api.service.MutableClock;
import dev.antigravity.api.service.OrderRequest;
import dev.antigravity.api.service.ProductInput;
import dev.antigravity.api.service.UserRegistration;
import dev.antigravity.api.testsupport.MotoMessages;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.events.testing.MotoServer;
import io.helidon.metrics.api.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery of the outbox through the production sender against moto_server's SES v2 and SNS, on
 * PostgreSQL: sent once and marked, never twice by tasks running side by side, retried with backoff
 * through an outage, given up when rejected, and what a task dying between send and mark does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({MotoServer.Required.class, TestDatabases.PostgresRequired.class})
class NotificationDeliveryTest {
    private static final NotificationOutboxRepository OUTBOX = new NotificationOutboxRepository();
    private static final Actor ADMIN = new Actor("admin-" + UUID.randomUUID(), true, "corr-admin");

    private final MutableClock clock = new MutableClock(Instant.now());
    private Database database;
    private DomainServices services;
    private MotoNotifications moto;
    private DeliveryPolicy policy;

    @BeforeAll
    void identity() {
        moto = new MotoNotifications();
        policy = Notifications.policy(MotoNotifications.node(moto.settings()));
    }

    /** A database per test: a delivery run sends everything due, so tests must not see each other's messages. */
    @BeforeEach
    void open() {
        database = TestDatabases.postgres();
        services = DomainServices.create(database.dbClient(), clock, Metrics.globalRegistry());
    }

    @AfterEach
    void close() {
        services.close();
        database.close();
    }

    @Test
    void anOrderEmailAndSmsAreSentOnceAndMarkedSent() {
        Customer customer = customer();
        long order = customer.order();
        NotificationDelivery task = task(sender(moto.settings()));

        assertThat(task.deliverDue("run-1")).isGreaterThanOrEqualTo(2);
        assertThat(task.deliverDue("run-2")).isZero();

        MotoMessages.Sent sent = MotoMessages.sent();
        assertThat(sent.emailsTo(customer.email)).singleElement().satisfies(email -> {
            assertThat(email.from()).isEqualTo(moto.from());
            assertThat(email.subject()).isEqualTo("Your order " + order + " was placed");
            assertThat(email.body()).contains("total 12.50");
        });
        assertThat(sent.smsTo(customer.phone))
                .singleElement()
                .satisfies(sms -> assertThat(sms.message()).isEqualTo("Order " + order + " was placed (total 12.50)."));
        for (NotificationChannel channel : NotificationChannel.values()) {
            Delivery delivery = delivery("order-" + order + "-PENDING", channel);
            assertThat(delivery.status()).isEqualTo("SENT");
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.providerMessageId()).isNotBlank();
        }
    }

    @Test
    void tasksRunningSideBySideSendEachMessageOnce() throws Exception {
        Customer customer = customer();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            orders.add(customer.order());
        }
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            NotificationDelivery task = task(sender(moto.settings()));
            tasks.add(() -> task.deliverDue("side-by-side"));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> run : pool.invokeAll(tasks)) {
                run.get();
            }
        }
        task(sender(moto.settings())).deliverDue("sweep-up");

        MotoMessages.Sent sent = MotoMessages.sent();
        assertThat(sent.emailsTo(customer.email))
                .extracting(MotoMessages.Email::subject)
                .containsExactlyInAnyOrderElementsOf(orders.stream()
                        .map(id -> "Your order " + id + " was placed")
                        .toList());
        assertThat(sent.smsTo(customer.phone)).hasSize(orders.size());
    }

    /**
     * SES v2 SendEmail and SNS Publish take no idempotency key, so the guarantee across a task that
     * dies after the provider took the message is "at least once": the claim keeps every other task
     * off the message for the lease (no second send while the first task may still mark it), and
     * after the lease it is sent again and marked, once.
     */
    @Test
    void aTaskDyingBetweenSendAndMarkHoldsTheMessageForItsLeaseThenItIsSentAgainOnce() {
        Customer customer = customer();
        long order = customer.order();
        NotificationSender real = sender(moto.settings());
        NotificationSender diesAfterSending = message -> {
            real.send(message);
            throw new TaskDied();
        };

        assertThatThrownBy(() -> task(diesAfterSending).deliverDue("dies")).isInstanceOf(TaskDied.class);
        String eventKey = "order-" + order + "-PENDING";
        assertThat(delivery(eventKey, NotificationChannel.EMAIL).attempts()).isEqualTo(1);

        NotificationDelivery survivor = task(real);
        survivor.deliverDue("within-the-lease");
        clock.advance(policy.lease().minusSeconds(1));
        survivor.deliverDue("still-within-the-lease");
        assertThat(delivery(eventKey, NotificationChannel.EMAIL))
                .extracting(Delivery::status, Delivery::attempts)
                .containsExactly("PENDING", 1);
        assertThat(delivery(eventKey, NotificationChannel.SMS).status()).isEqualTo("SENT");

        clock.advance(Duration.ofSeconds(2));
        survivor.deliverDue("after-the-lease");
        survivor.deliverDue("and-again");
        assertThat(delivery(eventKey, NotificationChannel.EMAIL))
                .extracting(Delivery::status, Delivery::attempts)
                .containsExactly("SENT", 2);
        // The dead task's send and the one after its lease: none while the lease held, none after the mark.
        MotoMessages.Sent sent = MotoMessages.sent();
        assertThat(sent.emailsTo(customer.email)).hasSize(2);
        assertThat(sent.smsTo(customer.phone)).hasSize(1);
    }

    /** The database fails the first mark after a send (a PostgreSQL trigger raising once): marked on the retry, not sent again. */
    @Test
    void aMarkTheDatabaseFailsIsRetriedInPlaceWithoutSendingAgain() {
        Customer customer = customer();
        long order = customer.order();
        for (String ddl : List.of(
                "CREATE SEQUENCE mark_failures",
                "CREATE FUNCTION fail_first_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.status = 'SENT' AND nextval('mark_failures') = 1 THEN "
                        + "RAISE EXCEPTION 'simulated database failure during the mark'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER fail_first_mark BEFORE UPDATE ON notification_outbox FOR EACH ROW "
                        + "EXECUTE FUNCTION fail_first_mark()")) {
            database.dbClient().execute().dml(ddl);
        }

        task(sender(moto.settings())).deliverDue("mark-fails-once");

        String eventKey = "order-" + order + "-PENDING";
        assertThat(delivery(eventKey, NotificationChannel.EMAIL))
                .extracting(Delivery::status, Delivery::attempts)
                .containsExactly("SENT", 1);
        assertThat(delivery(eventKey, NotificationChannel.SMS))
                .extracting(Delivery::status, Delivery::attempts)
                .containsExactly("SENT", 1);
        // Three marks reached the trigger: the failed one and the two that stuck.
        assertThat(database.dbClient()
                        .execute()
                        .createGet("SELECT last_value FROM mark_failures")
                        .execute()
                        .map(row -> row.column(1).get(Long.class)))
                .contains(3L);
        assertThat(MotoMessages.sent().emailsTo(customer.email)).hasSize(1);
    }

    @Test
    void anOutageIsRetriedWithGrowingBackoffAndARejectionIsGivenUp() {
        Customer customer = customer();
        long order = customer.order();
        NotificationDelivery outage = task(sender(moto.settings("http://127.0.0.1:1")));

        assertThat(outage.deliverDue("outage-1")).isZero();
        Delivery first = delivery("order-" + order + "-PENDING", NotificationChannel.EMAIL);
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("EMAIL not sent");
        outage.deliverDue("outage-too-soon");
        assertThat(delivery("order-" + order + "-PENDING", NotificationChannel.EMAIL)
                        .attempts())
                .isEqualTo(1);
        clock.advance(policy.baseBackoff());
        outage.deliverDue("outage-2");
        assertThat(delivery("order-" + order + "-PENDING", NotificationChannel.EMAIL)
                        .attempts())
                .isEqualTo(2);

        // Recovered: sent at the next due attempt, once.
        clock.advance(policy.maxBackoff());
        assertThat(task(sender(moto.settings())).deliverDue("recovered")).isGreaterThanOrEqualTo(2);
        assertThat(delivery("order-" + order + "-PENDING", NotificationChannel.EMAIL)
                        .status())
                .isEqualTo("SENT");

        // A sender address on no verified identity: SES rejects the message (400), no retry can help.
        Customer other = customer();
        long rejectedOrder = other.order();
        Map<String, String> unverified = moto.settings();
        unverified.put("notifications.email.from", "orders@unverified-" + UUID.randomUUID() + ".example.com");
        task(sender(unverified)).deliverDue("rejected");
        Delivery rejected = delivery("order-" + rejectedOrder + "-PENDING", NotificationChannel.EMAIL);
        assertThat(rejected.status()).isEqualTo("FAILED");
        assertThat(rejected.attempts()).isEqualTo(1);
        assertThat(rejected.lastError()).contains("refused (400");
        MotoMessages.Sent sent = MotoMessages.sent();
        assertThat(sent.emailsTo(customer.email)).hasSize(1);
        assertThat(sent.emailsTo(other.email)).isEmpty();
    }

    @Test
    void backoffDoublesUpToTheCapAndEndsAfterTheLastAttempt() {
        DeliveryPolicy backoff =
                new DeliveryPolicy(10, Duration.ofMinutes(1), 5, Duration.ofSeconds(10), Duration.ofSeconds(60));
        assertThat(backoff.backoffAfter(1))
                .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertThat(backoff.backoffAfter(3))
                .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40)));
        assertThat(backoff.backoffAfter(4))
                .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertThat(backoff.backoffAfter(5)).isEmpty();
    }

    private NotificationDelivery task(NotificationSender sender) {
        return new NotificationDelivery(database.dbClient(), OUTBOX, sender, policy, clock);
    }

    private static NotificationSender sender(Map<String, String> settings) {
        return Notifications.sender(MotoNotifications.node(settings));
    }

    private Delivery delivery(String eventKey, NotificationChannel channel) {
        return OUTBOX.delivery(database.dbClient().execute(), eventKey, channel).orElseThrow();
    }

    private Customer customer() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = new Customer(
                "customer-" + id,
                "c-" + id + "@example.com",
                "+1555" + (1_000_000 + Math.floorMod(id.hashCode(), 8_999_999)));
        services.users()
                .register(
                        ADMIN,
                        new UserRegistration(customer.email, "C", "CUSTOMER", customer.subject, customer.phone, true));
        return customer;
    }

    private final class Customer {
        final String subject;
        final String email;
        final String phone;

        Customer(String subject, String email, String phone) {
            this.subject = subject;
            this.email = email;
            this.phone = phone;
        }

        long order() {
            long product = services.products()
                    .create(
                            ADMIN,
                            new ProductInput("kite-" + UUID.randomUUID(), "", new java.math.BigDecimal("12.50"), 5))
                    .id();
            return services.orders()
                    .place(
                            new Actor(subject, false, "corr-" + subject),
                            new OrderRequest(List.of(new OrderRequest.Line(product, 1))),
                            Optional.empty())
                    .orderId();
        }
    }

    /** Stands for the task's process dying: an Error, which the delivery does not handle. */
    private static final class TaskDied extends Error {}
}
