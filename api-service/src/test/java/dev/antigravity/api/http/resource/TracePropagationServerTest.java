package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.notify.MotoNotifications;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.RecordingProxy;
import dev.antigravity.api.testsupport.StripeMock;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.api.tracing.Tracing;
import dev.antigravity.events.testing.MotoServer;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trace goes on where the service calls out: Stripe (on the request's thread) and SES (from the
 * notification-delivery job) receive a W3C {@code traceparent} of the trace they work for. The real server, with
 * stripe-mock and moto behind proxies that record what arrives on the wire, and spans kept in memory.
 */
@ServerTest
@ExtendWith({MotoServer.Required.class, StripeMock.Required.class})
class TracePropagationServerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final OpenTelemetry TELEMETRY =
            Tracing.create("api-test", Sampler.parentBased(Sampler.alwaysOn()), SimpleSpanProcessor.create(SPANS));
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static Database database;
    private static RecordingProxy stripe;
    private static RecordingProxy aws;

    private final Api api;
    private final World world;

    TracePropagationServerTest(Http1Client client) {
        this.api = new Api(client);
        this.world = new World(api);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        database = TestDatabases.h2(TELEMETRY);
        stripe = RecordingProxy.to(URI.create(StripeMock.url()));
        aws = RecordingProxy.to(MotoServer.endpoint());
        Map<String, String> settings =
                new HashMap<>(new MotoNotifications().settings(aws.uri().toString()));
        settings.put("notifications.poll", "PT0.1S");
        settings.put("notifications.backoff.base", "PT0.2S"); // a send that failed under load is tried again soon
        settings.put("payments.stripe.key", StripeMock.SECRET_KEY);
        settings.put("payments.stripe.url", stripe.uri().toString());
        settings.put("payments.webhook.secret", "whsec_trace_propagation_test");
        settings.put("limits.wait", "PT30S");
        AppContext base = TestApps.create(database, settings);
        ApiServer.configure(
                server,
                new AppContext(
                        base.config(),
                        base.database(),
                        base.clock(),
                        base.json(),
                        base.metrics(),
                        base.drain(),
                        TELEMETRY,
                        base.cache(),
                        base.emf()));
    }

    @AfterAll
    static void close() {
        stripe.close();
        aws.close();
        database.close();
    }

    @Test
    void stripeReceivesTheTraceparentOfTheRequestThatCreatesThePayment() {
        String trace = uniqueTraceId();

        Api.Reply placed = api.call(
                "POST",
                "/api/orders",
                world.owner,
                World.orderBody(world.productId, 1),
                Map.of("traceparent", "00-" + trace + "-" + CALLER_SPAN + "-01"));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        long order = Api.id(placed).orElseThrow();
        Pattern ofThisOrder = Pattern.compile("(^|&)metadata\\[order_id\\]=" + order + "(&|$)");
        Eventually.assertThat(
                WAIT,
                () -> assertThat(stripe.exchanges())
                        .filteredOn(exchange -> exchange.path().startsWith("/v1/payment_intents")
                                && ofThisOrder
                                        .matcher(URLDecoder.decode(exchange.body(), StandardCharsets.UTF_8))
                                        .find())
                        .isNotEmpty()
                        .allSatisfy(exchange -> assertThat(traceId(exchange)).contains(trace)));
    }

    @Test
    void sesReceivesTheTraceparentOfTheDeliveryRunThatSendsTheEmail() {
        long order = world.newOrder(world.owner);
        String subject = "Your order " + order + " was placed";

        Eventually.assertThat(
                WAIT,
                () -> assertThat(aws.exchanges())
                        .anyMatch(exchange -> exchange.body().contains(subject)));
        RecordingProxy.Exchange email = aws.exchanges().stream()
                .filter(exchange -> exchange.body().contains(subject))
                .findFirst()
                .orElseThrow();
        String trace = traceId(email).orElseThrow(() -> new AssertionError("no traceparent in " + email.headers()));
        // The run's span ends after its sends: wait for it, then it is the trace's root.
        Eventually.assertThat(
                WAIT,
                () -> assertThat(SPANS.getFinishedSpanItems()).anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(trace);
                    assertThat(span.getName()).isEqualTo("notification-delivery");
                    assertThat(span.getParentSpanContext().isValid()).isFalse();
                }));
        List<SpanData> ofTheRun = SPANS.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(trace))
                .toList();
        assertThat(ofTheRun)
                .as("the run's database statements are in its trace")
                .hasSizeGreaterThan(1);
    }

    /** The trace id of a request's {@code traceparent} (version-traceid-parentid-flags). */
    private static Optional<String> traceId(RecordingProxy.Exchange exchange) {
        return exchange.header("traceparent").map(value -> value.split("-")[1]);
    }

    private static String uniqueTraceId() {
        return String.format(
                "%016x%016x", System.nanoTime(), Thread.currentThread().threadId() + 1);
    }
}
