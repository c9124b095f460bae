package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.customer;
import static dev.antigravity.api.service.Fixtures.product;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.api.tracing.Tracing;
import io.helidon.metrics.api.Metrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The statements an order costs, read from the JDBC spans of the database (each statement one
 * span, exported on the thread that ran it): every round trip is CPU on both ends, so the common
 * path takes none it does not need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderStatementsTest {
    /**
     * Each database its own spans: an H2 test's payment records are written a linger after it
     * (payments.records.linger), and under load landed among the next test's PostgreSQL statements.
     */
    private final InMemorySpanExporter h2Spans = InMemorySpanExporter.create();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final Database database = TestDatabases.h2(telemetry(h2Spans));
    private final MutableClock clock = new MutableClock(Instant.now());
    private final DomainServices services = DomainServices.create(database.dbClient(), clock, Metrics.globalRegistry());
    private final Database postgres = TestDatabases.postgres(telemetry(spans));
    /** Three created PaymentIntents fill a batch of records; no linger runs out during a test. */
    private final DomainServices onPostgres = DomainServices.create(
            postgres.dbClient(),
            clock,
            new LocalPaymentGateway(),
            new CreatedIntentRecorder.Settings(3, Duration.ofHours(1)));

    @AfterAll
    void closeDatabase() {
        onPostgres.close();
        services.close();
        database.close();
        postgres.close();
    }

    @BeforeEach
    void forgetSpans() {
        h2Spans.reset();
        spans.reset();
    }

    private static OpenTelemetry telemetry(InMemorySpanExporter exporter) {
        return Tracing.create("order-statements-test", Sampler.alwaysOn(), SimpleSpanProcessor.create(exporter));
    }

    @Test
    void anOrderWithAFreshKeyDeletesNothing() {
        Product p = product(services, unique("p"), "2.00", 10);
        h2Spans.reset();

        services.orders().place(customer(), request(p.id(), 2), Optional.of(unique("key")));

        assertThat(statements(h2Spans)).noneMatch(sql -> sql.startsWith("DELETE"));
    }

    /**
     * Each JDBC call is one round trip on PostgreSQL. The transaction is one of them however many lines: the key,
     * the stock, the order's row, its lines and total, its payment, its notifications, the key's order, the id of
     * a later order and the commit. Only an order that finds no id drawn ahead (the first one here) draws its own
     * first. That is all the request runs: the payment's creation is recorded afterwards, off the request, in one
     * statement with other orders' (here a batch of three: the first order's, then two orders, three round trips,
     * not five).
     */
    @Test
    void onPostgresqlAnOrderIsOneRoundTripAndItsPaymentsCreationPartOfABatch() {
        Actor customer = Fixtures.registered(onPostgres, "+4915112345670", true);
        Product a = product(onPostgres, unique("a"), "2.00", 10);
        Product b = product(onPostgres, unique("b"), "3.00", 10);
        OrderRequest twoLines =
                new OrderRequest(List.of(new OrderRequest.Line(b.id(), 1), new OrderRequest.Line(a.id(), 2)));
        // Draws the next order's id; its payment's record is the first of the batch of three.
        onPostgres.orders().place(customer, twoLines, Optional.empty());
        spans.reset();

        onPostgres.orders().place(customer, twoLines, Optional.of(unique("key")));

        List<String> request = statements();
        assertThat(request).hasSize(1);
        assertThat(request.getFirst())
                .startsWith("INSERT INTO idempotency_keys")
                .contains("INSERT INTO order_lines", "INSERT INTO payments", "INSERT INTO notification_outbox")
                .contains("SELECT nextval(?) AS id") // the span shows literals as ?
                .endsWith("COMMIT");

        onPostgres.orders().place(customer, twoLines, Optional.of(unique("key"))); // fills the batch of records

        Eventually.assertThat(
                Duration.ofSeconds(10), () -> assertThat(statements()).hasSize(3));
        List<String> statements = statements();
        assertThat(statements.get(1)).isEqualTo(request.getFirst());
        assertThat(statements.get(2))
                .startsWith("UPDATE payments SET provider_payment_id")
                .contains("FROM (VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?))");
    }

    @Test
    void onPostgresqlAnOrderThatFindsNoIdDrawnAheadDrawsItsOwnFirst() {
        DomainServices fresh = DomainServices.create(
                postgres.dbClient(),
                clock,
                new LocalPaymentGateway(),
                new CreatedIntentRecorder.Settings(64, Duration.ofHours(1)));
        Product a = product(fresh, unique("a"), "2.00", 10);
        spans.reset();

        fresh.orders().place(customer(), request(a.id(), 1), Optional.empty());
        clock.advance(Duration.ofMinutes(1)); // the id drawn by that order is stale now
        fresh.orders().place(customer(), request(a.id(), 1), Optional.empty());

        List<String> statements = statements();
        assertThat(statements).hasSize(4);
        assertThat(statements.get(0)).isEqualTo("SELECT nextval(?) AS id");
        assertThat(statements.get(2)).isEqualTo("SELECT nextval(?) AS id");
        fresh.close();
    }

    private List<String> statements() {
        return statements(spans);
    }

    private static List<String> statements(InMemorySpanExporter exporter) {
        return exporter.getFinishedSpanItems().stream()
                .map(OrderStatementsTest::statement)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String statement(SpanData span) {
        String text = span.getAttributes().get(AttributeKey.stringKey("db.query.text"));
        return text != null ? text : span.getAttributes().get(AttributeKey.stringKey("db.statement"));
    }

    private static OrderRequest request(long productId, int quantity) {
        return new OrderRequest(List.of(new OrderRequest.Line(productId, quantity)));
    }
}
