package dev.antigravity.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.api.tracing.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which statements pass through the JDBC instrumentation: those of a trace that is kept, and those
 * started outside any trace (the sampler decides for them); never those of a trace the sampler
 * dropped, whose statement spans would be dropped too.
 */
class StatementTracingTest {
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    // The service's own sampler: the parent's decision, else a ratio (here every root is kept).
    private static final OpenTelemetry TELEMETRY =
            Tracing.create("db-test", Sampler.parentBased(Sampler.alwaysOn()), SimpleSpanProcessor.create(SPANS));
    private static final Database DB = TestDatabases.h2(TELEMETRY);

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    @AfterAll
    static void close() {
        DB.close();
    }

    @BeforeEach
    void reset() {
        SPANS.reset();
    }

    @Test
    void aStatementInAKeptTraceIsAClientSpanOfThatTrace() throws SQLException {
        try (Scope ignored = parent(TraceFlags.getSampled()).makeCurrent()) {
            selectOne();
        }

        assertThat(statementSpans()).singleElement().satisfies(span -> {
            assertThat(span.getTraceId()).isEqualTo(TRACE);
            assertThat(span.getParentSpanId()).isEqualTo(PARENT);
        });
    }

    @Test
    void aStatementInADroppedTraceSkipsTheInstrumentationAltogether() throws SQLException {
        try (Scope ignored = parent(TraceFlags.getDefault()).makeCurrent()) {
            try (Connection connection = DB.dbClient().unwrap(Connection.class)) {
                // The pool's own connection, not the instrumentation's wrapper around it: nothing would be
                // exported, so nothing parses the SQL or builds attributes for a span the sampler drops.
                assertThat(connection.getClass().getName()).doesNotStartWith("io.opentelemetry");
            }
            selectOne();
        }

        assertThat(statementSpans()).isEmpty();
    }

    @Test
    void aStatementOutsideAnyTraceIsLeftToTheSampler() throws SQLException {
        selectOne();

        assertThat(statementSpans())
                .singleElement()
                .satisfies(span ->
                        assertThat(span.getParentSpanContext().isValid()).isFalse());
    }

    private static Span parent(TraceFlags flags) {
        return Span.wrap(SpanContext.createFromRemoteParent(TRACE, PARENT, flags, TraceState.getDefault()));
    }

    private static void selectOne() throws SQLException {
        try (Connection connection = DB.dbClient().unwrap(Connection.class);
                var statement = connection.createStatement()) {
            assertThat(statement.execute("SELECT 1")).isTrue();
        }
    }

    private static List<SpanData> statementSpans() {
        return SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT)
                .toList();
    }
}
