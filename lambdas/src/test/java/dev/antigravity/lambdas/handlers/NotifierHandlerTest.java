package dev.antigravity.lambdas.handlers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbDeliveryLog;
import dev.antigravity.lambdas.adapters.lambda.NotifierInvocation;
import dev.antigravity.lambdas.adapters.sns.SnsEnvelope;
import dev.antigravity.lambdas.app.notify.NotificationFailedException;
import dev.antigravity.lambdas.app.notify.NotifyPlatformEvent;
import dev.antigravity.lambdas.domain.notification.DispatchPlanner;
import dev.antigravity.lambdas.domain.notification.RoutingRules;
import dev.antigravity.lambdas.logging.Log;
import dev.antigravity.lambdas.notifyfixtures.ChannelFixtures;
import dev.antigravity.lambdas.notifyfixtures.FakeSecrets;
import dev.antigravity.lambdas.notifyfixtures.LedgerTables;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import dev.antigravity.lambdas.notifyfixtures.RecordingSleeper;
import dev.antigravity.lambdas.notifyfixtures.SnsEvents;
import dev.antigravity.lambdas.notifyfixtures.WebhookFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SNS events through the handler, with delivery records in moto_server's DynamoDB and WireMock channels. */
@ExtendWith(MotoServer.Required.class)
class NotifierHandlerTest {
    private static DynamoDbClient dynamo;
    private String table;

    private final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer pagerDuty = new WireMockServer(wireMockConfig().dynamicPort());
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private NotifierHandler handler;

    @BeforeAll
    static void connect() {
        dynamo = MotoServer.client(DynamoDbClient.builder());
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    @BeforeEach
    void start() {
        table = LedgerTables.create(dynamo);
        slack.start();
        pagerDuty.start();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        pagerDuty.stubFor(post("/v2/enqueue").willReturn(aResponse().withStatus(202)));
        FakeSecrets secrets =
                new FakeSecrets().with("slack", slack.baseUrl() + "/hook").with("pd", "KEY");
        NotifyPlatformEvent notifier = new NotifyPlatformEvent(
                new DispatchPlanner(RoutingRules.defaults()),
                ChannelFixtures.both(
                        secrets,
                        pagerDuty.baseUrl(),
                        WebhookFixtures.poster(new RecordingSleeper(), Clock.systemUTC())),
                new DynamoDbDeliveryLog(dynamo, table, Clock.systemUTC()));
        handler = new NotifierHandler(new NotifierInvocation(
                new SnsEnvelope(new ObjectMapper()), new EventCodec(), notifier, Clock.systemUTC()));
        Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        dynamo.deleteTable(delete -> delete.tableName(table));
        Log.redirect(null);
        slack.stop();
        pagerDuty.stop();
    }

    @Test
    void aDuplicateSnsDeliveryOfOnePlatformEventPostsOnce() throws IOException {
        String rollback = PlatformEventFixtures.sampleJson("platform-rollback-started.json");

        JsonNode first = invoke(SnsEvents.carrying(rollback));
        JsonNode second = invoke(SnsEvents.carrying(rollback));

        assertThat(first.at("/results/0/outcome/delivered")).hasSize(2);
        assertThat(second.at("/results/0/outcome/delivered")).isEmpty();
        slack.verify(1, postRequestedFor(urlEqualTo("/hook")));
        pagerDuty.verify(1, postRequestedFor(urlEqualTo("/v2/enqueue")));
    }

    @Test
    void everyLogLineOfAnEventCarriesItsEventAndDeploymentIds() throws IOException {
        invoke(SnsEvents.carrying(PlatformEventFixtures.sampleJson("platform-rollback-started.json")));

        List<JsonNode> lines = logs.toString(StandardCharsets.UTF_8)
                .lines()
                .map(NotifierHandlerTest::json)
                .toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("eventId").asText()).isEqualTo("api:7/RollbackStarted");
            assertThat(line.get("deploymentId").asText()).isEqualTo("api:7");
        });
        assertThat(lines.getLast().get("message").asText()).isEqualTo("notified");
    }

    @Test
    void aMessageThatIsNotAPlatformEventIsAcknowledgedWithAReasonAndPostsNothing() throws IOException {
        JsonNode result = invoke(SnsEvents.carrying("{\"schemaVersion\":1,\"type\":\"RollbackStarted\"}"));

        assertThat(result.at("/results/0/result").asText()).isEqualTo("REJECTED");
        assertThat(result.at("/results/0/reason").asText()).contains("eventId");
        assertThat(invoke(SnsEvents.of("{\"not\":\"sns\"}"))
                        .at("/results/0/result")
                        .asText())
                .isEqualTo("REJECTED");
        slack.verify(0, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aChannelStillDownAfterTheRetriesFailsTheInvocationSoTheDeadLetterQueueKeepsTheEvent() {
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() ->
                        invoke(SnsEvents.carrying(PlatformEventFixtures.sampleJson("platform-rollback-started.json"))))
                .isInstanceOf(NotificationFailedException.class);
        pagerDuty.verify(1, postRequestedFor(urlEqualTo("/v2/enqueue")));
    }

    private JsonNode invoke(java.io.InputStream event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(event, out, null);
        return json(out.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
