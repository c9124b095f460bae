package dev.antigravity.lambdas.integration.hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbLedger;
import dev.antigravity.lambdas.adapters.secrets.Secret;
import dev.antigravity.lambdas.adapters.slack.SlackSignature;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.handlers.SlackInteractivityHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Slack interactivity function as Lambda builds it (Dagger wiring, the signing secret in Secrets Manager, the
 * ledger in DynamoDB, ECS with moto's gaps filled), with a click signed here as Slack signs it.
 */
@ExtendWith(MotoServer.Required.class)
class SlackInteractivityIntegrationTest {
    private static final Secret SIGNING = new Secret("it-signing-secret-0123456789abcdef");

    private MotoWorld world;
    private final SecretsManagerClient secrets = MotoServer.client(SecretsManagerClient.builder());
    private String secretArn;

    @BeforeEach
    void setUp() {
        world = new MotoWorld();
        secretArn = secrets.createSecret(
                        r -> r.name("slack-signing-" + world.suffix).secretString(SIGNING.reveal()))
                .arn();
        world.wireMock.stubFor(
                post(urlPathMatching("/slack/.*")).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
        secrets.deleteSecret(r -> r.secretId(secretArn).forceDeleteWithoutRecovery(true));
    }

    private SlackInteractivityHandler function() {
        return world.handler(
                MotoHandlers::slackInteractivity,
                15,
                Map.of(
                        "SLACK_SIGNING_SECRET_ID",
                        secretArn,
                        "SLACK_ALLOWED_USERS",
                        "rollback=U0ONCALL",
                        "SLACK_RESPONSE_URL_PREFIX",
                        world.wireMock.baseUrl() + "/slack/"));
    }

    private String request(String revision, String actionTs, String timestamp, Secret signedWith) {
        ObjectNode payload = MotoWorld.JSON
                .createObjectNode()
                .put("type", "block_actions")
                .put("response_url", world.wireMock.baseUrl() + "/slack/T1/1/x");
        payload.putObject("user").put("id", "U0ONCALL").put("username", "oncall");
        payload.putObject("container").put("message_ts", "1764491000.1");
        payload.putArray("actions")
                .addObject()
                .put("action_id", "rollback")
                .put("action_ts", actionTs)
                .put("value", world.cluster + "/" + world.service + "|" + Deployment.idOf(revision));
        String body = "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
        ObjectNode event = MotoWorld.JSON
                .createObjectNode()
                .put("version", "2.0")
                .put("body", body)
                .put("isBase64Encoded", false);
        event.putObject("requestContext").putObject("http").put("method", "POST");
        event.putObject("headers")
                .put("x-slack-request-timestamp", timestamp)
                .put("x-slack-signature", SlackSignature.sign(signedWith, timestamp, body));
        return event.toString();
    }

    @Test
    void aSignedRollBackNowClickedTwiceRollsBackOnceAndAForgedOneChangesNothing() {
        MotoWorld.invoke(
                world.handler(MotoHandlers::imagePush, 15),
                world.push("p-slack", "sha256:" + "d".repeat(64), "sha-ddddddd"));
        String revision = world.runningRevision();
        String now = String.valueOf(Instant.now().getEpochSecond());
        SlackInteractivityHandler function = function();

        JsonNode forged = MotoWorld.invoke(function, request(revision, "1.0", now, new Secret("guessed")));
        assertThat(forged.get("statusCode").asInt()).isEqualTo(401);
        assertThat(world.runningRevision()).isEqualTo(revision);

        JsonNode first = MotoWorld.invoke(function, request(revision, "1.1", now, SIGNING));
        JsonNode second = MotoWorld.invoke(function, request(revision, "1.2", now, SIGNING));

        assertThat(first.get("statusCode").asInt()).as(first.toString()).isEqualTo(200);
        assertThat(second.get("statusCode").asInt()).isEqualTo(200);
        assertThat(second.get("body").asText()).contains("already rolling back");
        assertThat(world.runningRevision()).isEqualTo(world.baselineRevision);
        Deployment record = new DynamoDbLedger(world.dynamo, world.table, Clock.systemUTC())
                .find(new ServiceRef(world.cluster, world.service), Deployment.idOf(revision))
                .orElseThrow();
        assertThat(record.state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(record.reason()).contains("roll back now asked by oncall (slack U0ONCALL)");
        assertThat(record.rollbackCause()).isEqualTo("manual/slack/U0ONCALL/1.1");
        assertThat(world.revisions()).hasSize(2); // no third revision: the rollback reuses the baseline
        assertThat(world.wireMock.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().startsWith("/slack/")))
                .hasSize(2);
    }
}
