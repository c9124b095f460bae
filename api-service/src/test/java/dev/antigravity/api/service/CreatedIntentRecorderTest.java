package dev.antigravity.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.Payment;
import dev.antigravity.api.model.PaymentStatus;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.payment.PaymentProviders;
import dev.antigravity.api.repository.PaymentRepository;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.LogCapture;
import dev.antigravity.api.testsupport.TcpRelay;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The created PaymentIntents of placed orders are written to their payments in batches, off the
 * placing request, and none is lost: on both engines, under concurrent orders, through a database
 * outage, at shutdown, and when a task dies with records pending (the sweep re-creates them under
 * the same idempotency key). Readers and webhooks never depend on a record having landed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreatedIntentRecorderTest {
    /** Longer than any test: records stay pending until a batch fills or the recorder closes. */
    private static final CreatedIntentRecorder.Settings HELD =
            new CreatedIntentRecorder.Settings(1000, Duration.ofHours(1));

    private final PaymentRepository payments = new PaymentRepository();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.now());

    @AfterAll
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentOrdersEachGetTheirIntentRecordedExactlyOnce(Engine engine) throws Exception {
        Database database = open(engine.open());
        CountingGateway gateway = new CountingGateway();
        DomainServices services = open(DomainServices.create(
                database.dbClient(), clock, gateway, new CreatedIntentRecorder.Settings(16, Duration.ofMillis(5))));
        Product product = Fixtures.product(services, Fixtures.unique("batched"), "1.00", 1000);
        int orders = 200;

        List<Long> ids = new ArrayList<>();
        try (ExecutorService customers = Executors.newFixedThreadPool(16)) {
            List<Future<Long>> placed = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                String key = "concurrent-" + i;
                placed.add(customers.submit(() -> services.orders()
                        .place(Fixtures.customer(), order(product), Optional.of(key))
                        .orderId()));
            }
            for (Future<Long> id : placed) {
                ids.add(id.get());
            }
        }

        Eventually.assertThat(Duration.ofSeconds(30), () -> {
            for (long id : ids) {
                assertThat(stored(database, id).status()).as("order %d", id).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
            }
        });
        Set<String> intents = new HashSet<>();
        for (long id : ids) {
            Payment payment = stored(database, id);
            assertThat(payment.providerPaymentId())
                    .isEqualTo(gateway.expected(payment).id());
            assertThat(payment.clientSecret())
                    .isEqualTo(gateway.expected(payment).clientSecret());
            assertThat(payment.failure()).isNull();
            intents.add(payment.providerPaymentId());
        }
        assertThat(intents).hasSize(orders);
        assertThat(gateway.calls.get()).isEqualTo(orders); // nobody asked the provider a second time
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBatchLeavesAPaymentCompletedMeanwhileAsItIsAndClosingWritesThePendingOnes(Engine engine) {
        Database database = open(engine.open());
        DomainServices services = DomainServices.create(database.dbClient(), clock, new CountingGateway(), HELD);
        Product product = Fixtures.product(services, Fixtures.unique("conditional"), "1.00", 10);
        long first = services.orders()
                .place(Fixtures.customer(), order(product), Optional.empty())
                .orderId();
        long second = services.orders()
                .place(Fixtures.customer(), order(product), Optional.empty())
                .orderId();
        assertThat(stored(database, first).status()).isEqualTo(PaymentStatus.CREATING); // pending, not written
        // Something else completed the first payment before the batch (a webhook adopting the intent, another task).
        assertThat(payments.created(database.dbClient().execute(), first, "pi_elsewhere", "s", Instant.now()))
                .isTrue();

        services.close();

        assertThat(stored(database, first).providerPaymentId()).isEqualTo("pi_elsewhere");
        Payment written = stored(database, second);
        assertThat(written.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
        assertThat(written.providerPaymentId()).startsWith("pi_local_");
    }

    @Test
    void aCustomerReadingAPendingPaymentGetsItsIntentWithoutTheProviderAskedAgain() {
        Database database = open(TestDatabases.h2());
        CountingGateway gateway = new CountingGateway();
        DomainServices services = open(DomainServices.create(database.dbClient(), clock, gateway, HELD));
        Actor customer = Fixtures.customer();
        long id = services.orders()
                .place(customer, order(product(services)), Optional.empty())
                .orderId();

        Payment read = services.payments().forOrder(customer, id);

        assertThat(read.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
        assertThat(read.providerPaymentId()).isEqualTo(gateway.expected(read).id());
        assertThat(gateway.calls.get()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSignedWebhookForAnOrderWhoseRecordIsPendingPaysIt(Engine engine) throws Exception {
        Database database = open(engine.open());
        DomainServices services = open(DomainServices.create(database.dbClient(), clock, new CountingGateway(), HELD));
        Actor customer = Fixtures.customer();
        long id = services.orders()
                .place(customer, order(product(services)), Optional.empty())
                .orderId();
        Payment creating = stored(database, id);
        assertThat(creating.status()).isEqualTo(PaymentStatus.CREATING);
        String intent = new CountingGateway().expected(creating).id();

        PaymentProviders local = PaymentProviders.from(Config.just(ConfigSources.create(Map.of())), clock);
        String payload =
                PaymentWebhookFallbackTest.event("payment_intent.succeeded", intent, id, creating.amountCents());
        String signature = Webhook.Signature.generateSignatureHeader(
                payload, PaymentProviders.LOCAL_WEBHOOK_SECRET, Instant.now().getEpochSecond());
        WebhookOutcome outcome = services.payments().receive(local.webhooks().verify(payload, signature), "corr-1");

        assertThat(outcome).isEqualTo(WebhookOutcome.PROCESSED);
        assertThat(services.orders().get(customer, id).status()).isEqualTo(OrderStatus.PAID);
        services.close(); // the pending record lands now, and changes nothing
        Payment paid = stored(database, id);
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(paid.providerPaymentId()).isEqualTo(intent);
    }

    /**
     * A task that dies with records pending: its payments stay CREATING, and another task's sweep
     * asks the provider again under the stored idempotency key, getting the same intent (the local
     * provider derives it from the key, as Stripe returns the first answer for a key).
     */
    @Test
    void aRecordLostWithItsTaskIsRecreatedByTheSweepWithTheSameIntent() {
        Database database = open(TestDatabases.postgres());
        CountingGateway gateway = new CountingGateway();
        DomainServices dying = DomainServices.create(database.dbClient(), clock, gateway, HELD); // never closed
        long id = dying.orders()
                .place(Fixtures.customer(), order(product(dying)), Optional.of(Fixtures.unique("crash")))
                .orderId();
        String createdBeforeTheCrash = gateway.expected(stored(database, id)).id();
        assertThat(stored(database, id).status()).isEqualTo(PaymentStatus.CREATING);

        DomainServices survivor = open(DomainServices.create(database.dbClient(), clock, gateway, HELD));
        clock.advance(PaymentService.RETRY_AFTER.plusSeconds(1));
        assertThat(survivor.payments().retry("corr-sweep")).isGreaterThanOrEqualTo(1);

        Payment recreated = stored(database, id);
        assertThat(recreated.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
        assertThat(recreated.providerPaymentId()).isEqualTo(createdBeforeTheCrash);
    }

    /** The database unreachable when a batch is due: the write is retried with backoff, logged, and lands once it is back. */
    @Test
    void aBatchWrittenWhileTheDatabaseIsAwayIsRetriedUntilItLands() throws Exception {
        Database direct = open(TestDatabases.postgres());
        TestDatabases.Endpoint pg = TestDatabases.postgresEndpoint();
        URI server = URI.create(pg.url().substring("jdbc:".length()));
        TcpRelay relay = open(TcpRelay.to(server));
        relay.up();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + relay.uri().getPort() + server.getPath());
        config.setUsername(pg.user());
        config.setPassword(pg.password());
        config.setSchema(((HikariDataSource) direct.dataSource()).getSchema());
        config.setConnectionTimeout(500);
        config.setMaximumPoolSize(4);
        Database relayed = open(Database.wrap(new HikariDataSource(config)));
        DomainServices services = open(DomainServices.create(
                relayed.dbClient(),
                clock,
                new CountingGateway(),
                new CreatedIntentRecorder.Settings(1000, Duration.ofSeconds(3))));
        Product product = product(services);
        List<Long> ids = new ArrayList<>();

        try (LogCapture logs = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                ids.add(services.orders()
                        .place(Fixtures.customer(), order(product), Optional.empty())
                        .orderId());
            }
            relay.down();
            Eventually.assertThat(
                    Duration.ofSeconds(30),
                    () -> assertThat(logs.atOrAbove(Level.WARNING))
                            .anySatisfy(
                                    line -> assertThat(line).contains("Recording 5 created PaymentIntents failed")));
            for (long id : ids) {
                assertThat(stored(direct, id).status()).isEqualTo(PaymentStatus.CREATING);
            }
            relay.up();

            Eventually.assertThat(Duration.ofSeconds(30), () -> {
                for (long id : ids) {
                    assertThat(stored(direct, id).status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
                }
            });
        }
    }

    private Payment stored(Database database, long orderId) {
        return payments.findByOrder(database.dbClient().execute(), orderId).orElseThrow();
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static Product product(DomainServices services) {
        return Fixtures.product(services, Fixtures.unique("recorded"), "1.00", 100);
    }

    private static OrderRequest order(Product product) {
        return new OrderRequest(List.of(new OrderRequest.Line(product.id(), 1)));
    }

    /** The local provider (intents derived from the idempotency key, as Stripe keeps its first answer), counting calls. */
    private static final class CountingGateway implements PaymentGateway {
        private final LocalPaymentGateway local = new LocalPaymentGateway();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return local.name();
        }

        @Override
        public ProviderIntent createIntent(long orderId, long amountCents, String currency, String idempotencyKey) {
            calls.incrementAndGet();
            return local.createIntent(orderId, amountCents, currency, idempotencyKey);
        }

        @Override
        public String refund(String providerPaymentId, String idempotencyKey) {
            return local.refund(providerPaymentId, idempotencyKey);
        }

        ProviderIntent expected(Payment payment) {
            return local.createIntent(
                    payment.orderId(), payment.amountCents(), payment.currency(), payment.idempotencyKey());
        }
    }
}
