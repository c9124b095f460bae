package dev.antigravity.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.logging.JsonLogFormatter;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.RawHttp;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.api.tracing.Tracing;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A span per request through the real server, kept in memory: route template, W3C parent, trace id in the logs, and
 * a child span per database statement.
 */
@ServerTest
class TracingServerTest {
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final OpenTelemetry TELEMETRY =
            Tracing.create("api-test", Sampler.parentBased(Sampler.alwaysOn()), SimpleSpanProcessor.create(SPANS));
    private static final Database DB = TestDatabases.h2(TELEMETRY);
    private static final AppContext BASE = TestApps.create(DB);
    private static final AppContext APP = new AppContext(
            BASE.config(),
            BASE.database(),
            Clock.systemUTC(),
            BASE.json(),
            BASE.metrics(),
            BASE.drain(),
            TELEMETRY,
            BASE.cache(),
            BASE.emf());
    /** Spans end on server threads after the response went out: every read of them waits this long at most. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private final Http1Client client;
    private final int port;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final JsonLogFormatter formatter = new JsonLogFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    TracingServerTest(Http1Client client, WebServer server) {
        this.client = client;
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP);
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @BeforeEach
    void start() {
        SPANS.reset();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aRequestIsAServerSpanNamedByItsRouteTemplateAndChildOfTheCallersTraceparent() {
        try (Http1ClientResponse res = client.get("/api/products/12345")
                .header(HeaderNames.create("traceparent"), "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                .request()) {
            assertThat(res.status()).isEqualTo(Status.NOT_FOUND_404);
        }

        // The span ends after the response went out: wait for it rather than race it.
        Eventually.assertThat(WAIT, () -> assertThat(serverSpans()).isNotEmpty());
        SpanData span = serverSpans().getFirst();
        assertThat(span.getName()).isEqualTo("GET /api/products/{id}");
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getTraceId()).isEqualTo(CALLER_TRACE);
        assertThat(span.getParentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(span.getParentSpanContext().isRemote()).isTrue();
        assertThat(span.getAttributes().asMap())
                .extractingFromEntries(e -> e.getKey().getKey() + "=" + e.getValue())
                .contains(
                        "http.route=/api/products/{id}",
                        "http.response.status_code=404",
                        "url.path=/api/products/12345");
        // The access line is written on the server's thread, and a previous test's may arrive late: wait for this
        // request's own (by its trace id).
        Eventually.assertThat(
                Duration.ofSeconds(30),
                () -> assertThat(lines)
                        .filteredOn(line -> line.contains("\"logger\":\"dev.antigravity.api.access\""))
                        .filteredOn(line -> line.contains(CALLER_TRACE))
                        .singleElement()
                        .asString()
                        .contains(
                                "\"trace_id\":\"" + CALLER_TRACE + "\"",
                                "\"span_id\":\"" + span.getSpanId() + "\"",
                                "\"correlation_id\":"));
    }

    @Test
    void withoutATraceparentEachRequestStartsItsOwnTrace() {
        for (int i = 0; i < 2; i++) {
            try (Http1ClientResponse res = client.get("/api/products").request()) {
                assertThat(res.status()).isEqualTo(Status.OK_200);
            }
        }
        Eventually.assertThat(WAIT, () -> assertThat(serverSpans()).hasSize(2));
        List<SpanData> spans = serverSpans();
        assertThat(spans).hasSize(2).allSatisfy(span -> {
            assertThat(span.getName()).isEqualTo("GET /api/products");
            assertThat(span.getParentSpanContext().isValid()).isFalse();
        });
        assertThat(spans.get(0).getTraceId()).isNotEqualTo(spans.get(1).getTraceId());
    }

    @Test
    void everyStatementIsAClientSpanChildOfTheRequestSpanWithoutTheClientsValues() {
        String marker = "tracing-probe-" + System.nanoTime();
        try (Http1ClientResponse res = client.get("/api/products")
                .queryParam("name", marker)
                .header(HeaderNames.create("traceparent"), "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                .request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }

        Eventually.assertThat(WAIT, () -> assertThat(serverSpans()).isNotEmpty());
        SpanData request = serverSpans().getFirst();
        // Background jobs run their own traces beside this request: only this trace's statements are its.
        List<SpanData> statements = SPANS.getFinishedSpanItems().stream()
                .filter(span ->
                        span.getKind() == SpanKind.CLIENT && span.getTraceId().equals(CALLER_TRACE))
                .toList();
        assertThat(statements).as("the catalogue page's queries").isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.getParentSpanId()).isEqualTo(request.getSpanId());
            assertThat(statement.getAttributes().asMap().keySet())
                    .extracting(key -> key.getKey())
                    .anyMatch(key -> key.startsWith("db."));
            assertThat(statement.getAttributes().asMap().values())
                    .extracting(String::valueOf)
                    .noneMatch(value -> value.contains(marker));
        });
        assertThat(statements)
                .extracting(
                        statement -> statement.getAttributes().asMap().values().toString())
                .anyMatch(values -> values.contains("products"));
    }

    @Test
    void aRequestAnsweredBeforeRoutingIsASpanTooAndItsAccessLineCarriesTheTraceId() throws IOException {
        try (RawHttp raw = RawHttp.connect(port, WAIT)) {
            raw.send("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "traceparent: 00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01\r\n"
                    + "Content-Length: 999999999\r\n\r\n");
            assertThat(raw.readResponse().status()).isEqualTo(413);
        }

        Eventually.assertThat(WAIT, () -> assertThat(serverSpans()).isNotEmpty());
        SpanData span = serverSpans().getFirst();
        assertThat(span.getName()).isEqualTo("POST unrouted");
        assertThat(span.getTraceId()).isEqualTo(CALLER_TRACE);
        assertThat(span.getParentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(lines)
                .filteredOn(line -> line.contains("\"logger\":\"dev.antigravity.api.access\""))
                .singleElement()
                .asString()
                .contains("\"status\":413", "\"correlation_id\":", "\"trace_id\":\"" + CALLER_TRACE + "\"");
    }

    private static List<SpanData> serverSpans() {
        return SPANS.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER)
                .toList();
    }
}
