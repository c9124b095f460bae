package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.customer;
import static dev.antigravity.api.service.Fixtures.product;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.api.tracing.Tracing;
import io.helidon.metrics.api.Metrics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
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
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final Database database = TestDatabases.h2(
            Tracing.create("order-statements-test", Sampler.alwaysOn(), SimpleSpanProcessor.create(spans)));
    private final MutableClock clock = new MutableClock(Instant.now());
    private final DomainServices services = DomainServices.create(database.dbClient(), clock, Metrics.globalRegistry());

    @AfterAll
    void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void forgetSpans() {
        spans.reset();
    }

    @Test
    void anOrderWithAFreshKeyDeletesNothing() {
        Product p = product(services, unique("p"), "2.00", 10);
        spans.reset();

        services.orders().place(customer(), request(p.id(), 2), Optional.of(unique("key")));

        assertThat(statements()).noneMatch(sql -> sql.startsWith("DELETE"));
    }

    private List<String> statements() {
        return spans.getFinishedSpanItems().stream()
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
