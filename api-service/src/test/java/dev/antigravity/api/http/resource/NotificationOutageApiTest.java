package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.model.NotificationChannel;
import dev.antigravity.api.notify.MotoNotifications;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.MotoMessages;
import dev.antigravity.api.testsupport.TcpRelay;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.events.testing.MotoServer;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SES/SNS outage drill: the real server on PostgreSQL, its notification-delivery job pointed
 * at moto through a relay the test takes down. Orders are placed, paid and shipped while nothing
 * answers; every one succeeds, the job keeps retrying with backoff, and once the relay is back each
 * message reaches moto exactly once.
 */
@ServerTest
@ExtendWith({MotoServer.Required.class, TestDatabases.PostgresRequired.class})
class NotificationOutageApiTest {
    private static final NotificationOutboxRepository OUTBOX = new NotificationOutboxRepository();
    private static Database database;
    private static TcpRelay aws;

    private final Api api;
    private final World world;

    NotificationOutageApiTest(Http1Client client) {
        this.api = new Api(client);
        this.world = new World(api);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        database = TestDatabases.postgres();
        aws = TcpRelay.to(MotoServer.endpoint());
        Map<String, String> settings =
                new HashMap<>(new MotoNotifications().settings(aws.uri().toString()));
        settings.put("notifications.poll", "PT0.1S");
        settings.put("notifications.backoff.base", "PT0.2S");
        settings.put("notifications.backoff.max", "PT1S");
        settings.put("notifications.attempts", "1000");
        settings.put("limits.wait", "PT30S");
        ApiServer.configure(server, TestApps.create(database, settings));
    }

    @AfterAll
    static void close() {
        aws.close();
        database.close();
    }

    @Test
    void ordersSucceedThroughAnOutageAndEveryMessageGoesOutOnceAfterIt() throws Exception {
        String email = World.uniqueEmail();
        String phone = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        Caller customer = Caller.customer("drill-customer");
        Api.Reply registered = api.post(
                "/api/users",
                world.admin,
                Api.json(Map.of(
                        "email",
                        email,
                        "name",
                        "Drill",
                        "role",
                        "CUSTOMER",
                        "subject",
                        customer.subject().orElseThrow(),
                        "phone",
                        phone,
                        "smsOptIn",
                        true)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.body()).contains("\"phone\":\"" + phone + "\"", "\"smsOptIn\":true");

        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Reply placed = api.post("/api/orders", customer, World.orderBody(world.productId, 1));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            orders.add(Api.id(placed).orElseThrow());
        }
        long shipped = orders.getFirst();
        assertThat(api.patch("/api/orders/" + shipped, world.admin, World.PAID_BY_ADMIN)
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("/api/orders/" + shipped, world.admin, "{\"status\":\"SHIPPED\"}")
                        .status())
                .isEqualTo(200);

        // The job keeps trying through the outage, with growing pauses, and nothing reaches moto.
        Eventually.assertThat(
                Duration.ofSeconds(20),
                () -> assertThat(emailDelivery(shipped, "SHIPPED").attempts()).isGreaterThanOrEqualTo(3));
        assertThat(emailDelivery(shipped, "SHIPPED").status()).isEqualTo("PENDING");
        assertThat(emailDelivery(shipped, "SHIPPED").lastError()).contains("EMAIL not sent");

        aws.up();

        List<String> subjects = new ArrayList<>();
        orders.forEach(id -> subjects.add("Your order " + id + " was placed"));
        subjects.add("Your order " + shipped + " is paid");
        subjects.add("Your order " + shipped + " has shipped");
        Eventually.assertThat(
                Duration.ofSeconds(30),
                () -> assertThat(OUTBOX.pendingCount(database.dbClient().execute()))
                        .isZero());
        // Some more runs of the job, then what moto received: each message once, nothing during the outage.
        Thread.sleep(500);
        MotoMessages.Sent sent = MotoMessages.sent();
        assertThat(sent.emailsTo(email))
                .extracting(MotoMessages.Email::subject)
                .containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(sent.smsTo(phone)).hasSize(subjects.size());
    }

    private static NotificationOutboxRepository.Delivery emailDelivery(long order, String status) {
        return OUTBOX.delivery(
                        database.dbClient().execute(), "order-" + order + "-" + status, NotificationChannel.EMAIL)
                .orElseThrow();
    }
}
