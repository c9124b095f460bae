package dev.antigravity.lambdas.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.COMPLETED;
import static dev.antigravity.lambdas.fakes.TestEvents.digest;
import static dev.antigravity.lambdas.fakes.TestEvents.ecs;
import static dev.antigravity.lambdas.fakes.TestEvents.push;
import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.antigravity.lambdas.adapters.lambda.FunctionUrlInvocation;
import dev.antigravity.lambdas.adapters.secrets.Secret;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.control.ControlPermissions;
import dev.antigravity.lambdas.domain.port.RegistryPort.PushedImage;
import dev.antigravity.lambdas.fakes.TestPlatform;
import dev.antigravity.lambdas.notifyfixtures.FakeSecrets;
import dev.antigravity.lambdas.notifyfixtures.RecordingSleeper;
import dev.antigravity.lambdas.notifyfixtures.WebhookFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack's button clicks, signed here as Slack signs them, through the function URL's request and response: forged,
 * replayed, expired and unauthorised requests get a clear answer and change nothing; a real click acts through the
 * automation's use cases and is announced in the message's thread (Slack's response_url on WireMock).
 */
class SlackInteractivityTest {
    private static final String SECRET_ID = "slack-signing";
    private static final Secret SIGNING = new Secret("e3b0c44298fc1c149afbf4c8996fb924");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPlatform p = new TestPlatform();
    private final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private FunctionUrlInvocation function;
    private String good;
    private String bad;

    @BeforeEach
    void setUp() {
        slack.start();
        slack.stubFor(post(urlPathMatching("/actions/.*"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        SlackThreadReply reply = new SlackThreadReply(
                WebhookFixtures.poster(new RecordingSleeper(), p.clock), JSON, slack.baseUrl() + "/actions/");
        SlackInteractivity interactivity = new SlackInteractivity(
                new FakeSecrets().with(SECRET_ID, SIGNING.reveal()),
                SECRET_ID,
                p.ledger,
                ControlPermissions.parse("rollback=U0ALICE;promote=U0ALICE;freeze=U0ALICE,U0BOB;" + "resume=U0ALICE"),
                p.controls,
                reply,
                JSON,
                p.clock);
        function = new FunctionUrlInvocation(interactivity, JSON);
        good = deploy(1);
        p.clock.advance(Duration.ofMinutes(16));
        p.stabilize.run("sweep-1");
        bad = deploy(2);
        assertThat(record(bad).state()).isEqualTo(DeploymentState.BAKING);
    }

    @AfterEach
    void tearDown() {
        slack.stop();
    }

    private String deploy(int n) {
        p.registry.images.add(new PushedImage(digest(n), List.of("sha-" + n + "000000"), p.clock.instant()));
        p.acceptImage.handle(push("push-" + n, digest(n), "sha-" + n + "000000", p.clock.instant()));
        String rev = p.ecs.runningRevision(API);
        p.recordDeploymentEvent.handle(ecs("c-" + n, COMPLETED, p.ecs.lastDeploymentIdOf(rev), p.clock.instant()));
        return rev;
    }

    private Deployment record(String rev) {
        return p.ledger.find(API, Deployment.idOf(rev)).orElseThrow();
    }

    /** The form body Slack posts for a click on one of our buttons. */
    private String click(String actionId, String userId, String actionTs) {
        ObjectNode payload = JSON.createObjectNode()
                .put("type", "block_actions")
                .put("response_url", slack.baseUrl() + "/actions/T1/123/abc");
        payload.putObject("user")
                .put("id", userId)
                .put("username", userId.substring(2).toLowerCase());
        payload.putObject("container").put("type", "message").put("message_ts", "1764491000.000100");
        payload.putArray("actions")
                .addObject()
                .put("action_id", actionId)
                .put("type", "button")
                .put("value", SlackInteraction.buttonValue(API.key(), Deployment.idOf(bad)))
                .put("action_ts", actionTs);
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    private String timestampNow() {
        return String.valueOf(p.clock.instant().getEpochSecond());
    }

    /** The function URL event for a body with the given Slack headers, base64 as function URLs send forms. */
    private JsonNode send(String body, String timestamp, String signature) throws IOException {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("rawPath", "/")
                .put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)))
                .put("isBase64Encoded", true);
        event.putObject("requestContext").putObject("http").put("method", "POST");
        ObjectNode headers = event.putObject("headers").put("content-type", "application/x-www-form-urlencoded");
        if (timestamp != null) {
            headers.put("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("X-Slack-Signature", signature);
        }
        JsonNode response = JSON.readTree(function.handle(new ByteArrayInputStream(JSON.writeValueAsBytes(event))));
        ((ObjectNode) response)
                .set("text", JSON.readTree(response.get("body").asText()).get("text"));
        return response;
    }

    private JsonNode signedClick(String actionId, String userId, String actionTs) throws IOException {
        String body = click(actionId, userId, actionTs);
        return send(body, timestampNow(), SlackSignature.sign(SIGNING, timestampNow(), body));
    }

    private void assertNothingChanged(int updatesBefore) {
        assertThat(record(bad).state()).isEqualTo(DeploymentState.BAKING);
        assertThat(p.ecs.updates).hasSize(updatesBefore);
        assertThat(p.freeze.frozen()).isEmpty();
        assertThat(p.publisher.types()).doesNotContain("RollbackStarted");
    }

    @Test
    void rollBackNowRollsBackWithTheClickerRecordedAndAnnouncesItInTheThread() throws IOException {
        JsonNode answer = signedClick("rollback", "U0ALICE", "1764491100.1");

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        Deployment rolling = record(bad);
        assertThat(rolling.state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(rolling.reason()).contains("roll back now asked by alice (slack U0ALICE)");
        assertThat(rolling.rollbackCause()).isEqualTo("manual/slack/U0ALICE/1764491100.1");
        assertThat(p.ecs.runningRevision(API)).isEqualTo(good);
        List<JsonNode> replies = WebhookFixtures.bodies(slack, "/actions/T1/123/abc");
        assertThat(replies).hasSize(1);
        assertThat(replies.getFirst().get("thread_ts").asText()).isEqualTo("1764491000.000100");
        assertThat(replies.getFirst().get("response_type").asText()).isEqualTo("in_channel");
        assertThat(replies.getFirst().get("text").asText()).contains("<@U0ALICE>", "Roll back now", "ROLLING_BACK");
    }

    @Test
    void rollBackNowClickedTwiceRollsBackOnce() throws IOException {
        int updatesBefore = p.ecs.updates.size();

        JsonNode first = signedClick("rollback", "U0ALICE", "1764491100.1");
        p.clock.advance(Duration.ofSeconds(2));
        JsonNode second = signedClick("rollback", "U0ALICE", "1764491102.7");

        assertThat(first.get("statusCode").asInt()).isEqualTo(200);
        assertThat(second.get("statusCode").asInt()).isEqualTo(200);
        assertThat(second.get("text").asText()).contains("nothing to do", "already rolling back");
        assertThat(p.ecs.updates).hasSize(updatesBefore + 1);
        assertThat(p.publisher.types().stream().filter("RollbackStarted"::equals))
                .hasSize(1);
        assertThat(WebhookFixtures.bodies(slack, "/actions/T1/123/abc")).hasSize(2);
    }

    @Test
    void aForgedRequestIsRefusedAndChangesNothing() throws IOException {
        int updatesBefore = p.ecs.updates.size();
        String body = click("rollback", "U0ALICE", "1");

        JsonNode wrongSecret =
                send(body, timestampNow(), SlackSignature.sign(new Secret("guessed"), timestampNow(), body));
        JsonNode tampered = send(
                body.replace("U0ALICE", "U0MALLORY"),
                timestampNow(),
                SlackSignature.sign(SIGNING, timestampNow(), body));
        JsonNode unsigned = send(body, null, null);

        assertThat(wrongSecret.get("statusCode").asInt()).isEqualTo(401);
        assertThat(wrongSecret.get("text").asText()).contains("signature does not match", "nothing was done");
        assertThat(tampered.get("statusCode").asInt()).isEqualTo(401);
        assertThat(unsigned.get("statusCode").asInt()).isEqualTo(401);
        assertThat(unsigned.get("text").asText()).contains("X-Slack-Signature");
        assertNothingChanged(updatesBefore);
        assertThat(slack.getAllServeEvents()).isEmpty();
    }

    @Test
    void aReplayedRequestIsRefusedAndChangesNothing() throws IOException {
        String body = click("freeze", "U0ALICE", "1");
        String signature = SlackSignature.sign(SIGNING, timestampNow(), body);
        assertThat(send(body, timestampNow(), signature).get("statusCode").asInt())
                .isEqualTo(200);
        assertThat(p.freeze.frozen()).isPresent();
        p.freeze.lift();
        p.clock.advance(Duration.ofSeconds(30));

        JsonNode replay =
                send(body, String.valueOf(p.clock.instant().minusSeconds(30).getEpochSecond()), signature);

        assertThat(replay.get("statusCode").asInt()).isEqualTo(409);
        assertThat(replay.get("text").asText()).contains("already handled (replayed)");
        assertThat(p.freeze.frozen()).isEmpty();
    }

    @Test
    void anExpiredRequestIsRefusedAndChangesNothing() throws IOException {
        int updatesBefore = p.ecs.updates.size();
        String body = click("rollback", "U0ALICE", "1");
        String sixMinutesAgo =
                String.valueOf(p.clock.instant().minusSeconds(360).getEpochSecond());

        JsonNode answer = send(body, sixMinutesAgo, SlackSignature.sign(SIGNING, sixMinutesAgo, body));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(401);
        assertThat(answer.get("text").asText()).contains("more than five minutes");
        assertNothingChanged(updatesBefore);
    }

    @Test
    void anUnauthorisedUserIsToldSoPrivatelyAndChangesNothing() throws IOException {
        int updatesBefore = p.ecs.updates.size();

        JsonNode answer = signedClick("rollback", "U0BOB", "1");

        assertThat(answer.get("statusCode").asInt()).isEqualTo(403);
        assertThat(answer.get("text").asText()).contains("not allowed to roll back now", "U0BOB");
        assertNothingChanged(updatesBefore);
        List<JsonNode> replies = WebhookFixtures.bodies(slack, "/actions/T1/123/abc");
        assertThat(replies).hasSize(1);
        assertThat(replies.getFirst().get("response_type").asText()).isEqualTo("ephemeral");
        // Bob may freeze: permissions are per action.
        assertThat(signedClick("freeze", "U0BOB", "2").get("statusCode").asInt())
                .isEqualTo(200);
        assertThat(p.freeze.frozen()).isPresent();
    }

    @Test
    void promoteEndsTheBakeAndResumeLiftsTheFreeze() throws IOException {
        assertThat(signedClick("promote", "U0ALICE", "1").get("statusCode").asInt())
                .isEqualTo(200);
        assertThat(record(bad).state()).isEqualTo(DeploymentState.STABLE);
        p.freeze.freeze();
        assertThat(signedClick("resume", "U0ALICE", "2").get("text").asText()).contains("freeze switch off");
        assertThat(p.freeze.frozen()).isEmpty();
    }

    @Test
    void aRequestThatIsNotAFunctionUrlPostIsRefused() throws IOException {
        JsonNode notJson =
                JSON.readTree(function.handle(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8))));
        JsonNode badBase64 = JSON.readTree(function.handle(new ByteArrayInputStream(
                "{\"isBase64Encoded\":true,\"body\":\"%%%\",\"headers\":{}}".getBytes(StandardCharsets.UTF_8))));
        JsonNode get = JSON.readTree(function.handle(new ByteArrayInputStream(
                "{\"requestContext\":{\"http\":{\"method\":\"GET\"}}}".getBytes(StandardCharsets.UTF_8))));

        assertThat(notJson.get("statusCode").asInt()).isEqualTo(400);
        assertThat(badBase64.get("statusCode").asInt()).isEqualTo(400);
        assertThat(get.get("statusCode").asInt()).isEqualTo(405);
    }

    @Test
    void aSignedBodyThatIsNotOneOfOurClicksIsABadRequest() throws IOException {
        String body = "payload=" + URLEncoder.encode("{\"type\":\"view_submission\"}", StandardCharsets.UTF_8);
        JsonNode answer = send(body, timestampNow(), SlackSignature.sign(SIGNING, timestampNow(), body));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.get("text").asText()).contains("not block_actions");
    }
}
