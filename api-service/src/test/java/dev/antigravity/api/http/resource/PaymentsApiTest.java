package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.testsupport.LogCapture;
import dev.antigravity.api.testsupport.StripeMock;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments (issue 12) through the real server on PostgreSQL against stripe-mock: an order placed
 * creates its PaymentIntent; signed provider events move it (succeeded → PAID, failed → still
 * payable, each event once); forged, replayed, unknown events change nothing; a paid order that
 * is cancelled is refunded.
 */
@ServerTest
@ExtendWith({TestDatabases.PostgresRequired.class, StripeMock.Required.class})
class PaymentsApiTest {
    private static final String WEBHOOK_SECRET =
            "whsec_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final Database DATABASE = TestDatabases.postgres();
    private static final Counter REVENUE =
            Metrics.globalRegistry().getOrCreate(Counter.builder("orders.revenue.cents"));

    private final Api api;
    private final World world;

    PaymentsApiTest(Http1Client client) {
        this.api = new Api(client);
        this.world = new World(api);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(
                server,
                TestApps.create(
                        DATABASE,
                        Map.of(
                                "limits.wait",
                                "PT30S",
                                "limits.caller",
                                "1000",
                                "payments.stripe.key",
                                StripeMock.SECRET_KEY,
                                "payments.stripe.url",
                                StripeMock.url(),
                                "payments.webhook.secret",
                                WEBHOOK_SECRET,
                                "payments.webhook.tolerance",
                                "PT5M")));
    }

    @AfterAll
    static void closeDatabase() {
        DATABASE.close();
    }

    @Test
    void placingAnOrderCreatesItsPaymentIntentWithTheOrdersIdempotencyKey() {
        String key = "checkout-" + UUID.randomUUID();
        Api.Reply placed = api.call(
                "POST",
                "/api/orders",
                world.owner,
                World.orderBody(world.productId, 2),
                Map.of("Idempotency-Key", key));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        long order = Api.id(placed).orElseThrow();

        JsonNode payment = payment(order);
        assertThat(payment.get("provider").asText()).isEqualTo("stripe");
        assertThat(payment.get("status").asText()).isEqualTo("REQUIRES_PAYMENT");
        assertThat(payment.get("providerPaymentId").asText()).startsWith("pi_");
        assertThat(payment.get("clientSecret").asText()).contains("_secret_");
        assertThat(payment.get("amountCents").asLong()).isEqualTo(500);
        assertThat(payment.get("currency").asText()).isEqualTo("usd");
        assertThat(payment.get("idempotencyKey").asText()).isEqualTo("order-" + order + "-" + key);

        Api.Reply replay = api.call(
                "POST",
                "/api/orders",
                world.owner,
                World.orderBody(world.productId, 2),
                Map.of("Idempotency-Key", key));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(payment(order).get("providerPaymentId").asText())
                .isEqualTo(payment.get("providerPaymentId").asText());
        assertThat(api.get("/api/orders/" + order + "/payment", world.other).status())
                .isEqualTo(404);
    }

    @Test
    void aSucceededPaymentMarksTheOrderPaidOnceHoweverOftenTheEventArrives() {
        long order = world.newOrder(world.owner);
        String intent = intentOf(order);
        long revenueBefore = REVENUE.count();
        String event = event("payment_intent.succeeded", intent, null);

        Api.Reply first = webhook(event, signedNow(event));
        Api.Reply again = webhook(event, signedNow(event));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(status(order)).isEqualTo("PAID");
        assertThat(payment(order).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(payment(order).get("attempts").asInt()).isEqualTo(1);
        assertThat(REVENUE.count() - revenueBefore).isEqualTo(250);
        JsonNode audit = api.get("/api/admin/audit?size=1", world.admin)
                .json()
                .get("items")
                .get(0);
        assertThat(audit.get("actor").asText()).isEqualTo("system:payments");
        assertThat(audit.get("details").asText()).contains("\"to\":\"PAID\"", intent);
    }

    @Test
    void concurrentDeliveriesPayTheOrderOnce() throws Exception {
        long order = world.newOrder(world.owner);
        String intent = intentOf(order);
        long revenueBefore = REVENUE.count();
        String redelivered = event("payment_intent.succeeded", intent, null);
        List<String> deliveries = new java.util.ArrayList<>(java.util.Collections.nCopies(6, redelivered));
        for (int i = 0; i < 4; i++) {
            deliveries.add(event("payment_intent.succeeded", intent, null));
        }

        List<Api.Reply> replies = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Api.Reply>> sent = deliveries.stream()
                    .map(payload -> pool.submit(() -> {
                        start.await();
                        return webhook(payload, signedNow(payload));
                    }))
                    .toList();
            start.countDown();
            for (var reply : sent) {
                replies.add(reply.get());
            }
        }

        assertThat(replies)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
        assertThat(replies)
                .filteredOn(r ->
                        r.status() == 200 && r.json().get("outcome").asText().equals("PROCESSED"))
                .hasSize(1);
        assertThat(status(order)).isEqualTo("PAID");
        assertThat(payment(order).get("attempts").asInt()).isEqualTo(1);
        assertThat(REVENUE.count() - revenueBefore).isEqualTo(250);
    }

    @Test
    void aFailedPaymentIsRecordedAndTheOrderStaysPayable() {
        long order = world.newOrder(world.owner);
        String intent = intentOf(order);
        String failed = event("payment_intent.payment_failed", intent, "Your card was declined.");

        assertThat(webhook(failed, signedNow(failed)).json().get("outcome").asText())
                .isEqualTo("PROCESSED");
        JsonNode payment = payment(order);
        assertThat(payment.get("status").asText()).isEqualTo("FAILED");
        assertThat(payment.get("failure").asText()).isEqualTo("Your card was declined.");
        assertThat(status(order)).isEqualTo("PENDING");

        String succeeded = event("payment_intent.succeeded", intent, null);
        assertThat(webhook(succeeded, signedNow(succeeded)).status()).isEqualTo(200);
        assertThat(status(order)).isEqualTo("PAID");
        assertThat(payment(order).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void forgedReplayedAndUnsignedEventsAreRefusedAndChangeNothing() {
        long order = world.newOrder(world.owner);
        String event = event("payment_intent.succeeded", intentOf(order), null);
        long now = Instant.now().getEpochSecond();

        Api.Reply forged = webhook(event, StripeEvents.signature(event, "whsec_someone_else", now));
        Api.Reply replayed = webhook(event, StripeEvents.signature(event, WEBHOOK_SECRET, now - 600));
        Api.Reply unsigned = webhook(event, null);
        String tampered = event.replace("\"livemode\":false", "\"livemode\":true");
        Api.Reply altered = webhook(tampered, signedNow(event));

        for (Api.Reply reply : List.of(forged, replayed, unsigned, altered)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
        }
        assertThat(replayed.json().get("detail").asText()).contains("tolerance");
        assertThat(status(order)).isEqualTo("PENDING");
        // The refused event was not recorded: signed properly it is still processed.
        assertThat(webhook(event, signedNow(event)).json().get("outcome").asText())
                .isEqualTo("PROCESSED");
    }

    @Test
    void unknownEventTypesAndPaymentsOfNoOrderAreIgnoredWithALogLine() {
        String unknownType = event("customer.created", "cus_123", null);
        String unknownIntent = event("payment_intent.succeeded", "pi_of_no_order_" + UUID.randomUUID(), null);
        try (LogCapture logs = LogCapture.start()) {
            Api.Reply type = webhook(unknownType, signedNow(unknownType));
            Api.Reply intent = webhook(unknownIntent, signedNow(unknownIntent));

            assertThat(type.status()).as(type.toString()).isEqualTo(200);
            assertThat(type.json().get("outcome").asText()).isEqualTo("IGNORED");
            assertThat(intent.status()).as(intent.toString()).isEqualTo(200);
            assertThat(intent.json().get("outcome").asText()).isEqualTo("IGNORED");
            assertThat(logs.records())
                    .anySatisfy(r -> assertThat(r.getMessage()).contains("customer.created", "ignored"));
            assertThat(logs.atOrAbove(Level.WARNING))
                    .anySatisfy(m -> assertThat(m).contains("pi_of_no_order_", "belongs to no order"));
        }
    }

    @Test
    void cancellingAPaidOrderRefundsItsPayment() {
        long order = world.newOrder(world.owner);
        String succeeded = event("payment_intent.succeeded", intentOf(order), null);
        assertThat(webhook(succeeded, signedNow(succeeded)).status()).isEqualTo(200);

        Api.Reply cancelled = api.patch("/api/orders/" + order, world.owner, "{\"status\":\"CANCELLED\"}");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("REFUNDED");
        JsonNode payment = payment(order);
        assertThat(payment.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(payment.get("refundId").asText()).startsWith("re_");
        Api.Reply refundedByHand = api.patch("/api/orders/" + order, world.admin, "{\"status\":\"REFUNDED\"}");
        assertThat(refundedByHand.status()).as(refundedByHand.toString()).isEqualTo(400);
    }

    @Test
    void aPaymentThatSucceedsAfterTheOrderWasCancelledIsRefunded() {
        long order = world.newOrder(world.owner);
        String intent = intentOf(order);
        assertThat(api.patch("/api/orders/" + order, world.owner, "{\"status\":\"CANCELLED\"}")
                        .status())
                .isEqualTo(200);

        String succeeded = event("payment_intent.succeeded", intent, null);
        assertThat(webhook(succeeded, signedNow(succeeded))
                        .json()
                        .get("outcome")
                        .asText())
                .isEqualTo("PROCESSED");

        assertThat(status(order)).isEqualTo("REFUNDED");
        assertThat(payment(order).get("status").asText()).isEqualTo("REFUNDED");
    }

    private Api.Reply webhook(String payload, String signature) {
        return StripeEvents.deliver(api, payload, signature);
    }

    private static String signedNow(String payload) {
        return StripeEvents.signature(payload, WEBHOOK_SECRET, Instant.now().getEpochSecond());
    }

    private static String event(String type, String objectId, String failure) {
        return StripeEvents.event(type, objectId, failure);
    }

    private String intentOf(long order) {
        return payment(order).get("providerPaymentId").asText();
    }

    private JsonNode payment(long order) {
        Api.Reply reply = api.get("/api/orders/" + order + "/payment", world.owner);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private String status(long order) {
        return api.get("/api/orders/" + order, world.admin).json().get("status").asText();
    }
}
