package dev.antigravity.lambdas.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import dev.antigravity.lambdas.notifyfixtures.ChannelFixtures;
import dev.antigravity.lambdas.notifyfixtures.FakeSecrets;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import dev.antigravity.lambdas.notifyfixtures.RecordingSleeper;
import dev.antigravity.lambdas.notifyfixtures.WebhookFixtures;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackWebhookSenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
    private final FakeSecrets secrets = new FakeSecrets();
    private SlackWebhookSender sender;

    @BeforeEach
    void start() {
        slack.start();
        secrets.with("slack", slack.baseUrl() + "/services/T000/B000/XXXX");
        sender = ChannelFixtures.slack(
                secrets,
                WebhookFixtures.poster(new RecordingSleeper(), InstantSource.fixed(Instant.EPOCH)),
                "eu-west-1");
    }

    @AfterEach
    void stop() {
        slack.stop();
    }

    @Test
    void aRollbackIsABlockKitMessageWithEveryFactColourAndConsoleLinks() {
        slack.stubFor(post("/services/T000/B000/XXXX")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        sender.send(new Dispatch(Channel.SLACK, PlatformEventFixtures.rollbackStarted(), Severity.CRITICAL, null));

        List<JsonNode> bodies = WebhookFixtures.bodies(slack, "/services/T000/B000/XXXX");
        assertThat(bodies).hasSize(1);
        JsonNode message = bodies.get(0);
        assertThat(message.get("text").asText())
                .isEqualTo("[CRITICAL] RollbackStarted: api in prod (api:7 → api:6, "
                        + "version sha-3f2a9c1): guard alarm antigravity-prod-api-5xx in ALARM while BAKING");
        assertThat(message.at("/blocks/0/text/text").asText())
                .isEqualTo(":rotating_light: *RollbackStarted: api in prod*");
        JsonNode attachment = message.at("/attachments/0");
        assertThat(attachment.get("color").asText()).isEqualTo("#D40E0D");
        assertThat(attachment.at("/blocks/0/fields").findValuesAsText("text"))
                .containsExactly(
                        "*Service*\nantigravity-prod/api",
                        "*Environment*\nprod",
                        "*Version*\nsha-3f2a9c1",
                        "*Revision*\napi:7 → api:6",
                        "*Alarm*\nantigravity-prod-api-5xx",
                        "*Severity*\nCRITICAL");
        assertThat(attachment.at("/blocks/1/text/text").asText())
                .isEqualTo("*Reason*\nguard alarm antigravity-prod-api-5xx in ALARM while BAKING");
        JsonNode buttons = attachment.at("/blocks/2/elements");
        assertThat(buttons.findValuesAsText("url"))
                .containsExactly(
                        "https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/antigravity-prod/services/api/deployments"
                                + "?region=us-east-1",
                        "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                                + "#alarmsV2:alarm/antigravity-prod-api-5xx");
        assertThat(attachment.at("/blocks/3/elements/0/text").asText())
                .startsWith("event `api:7/RollbackStarted` · deployment `api:7` · <!date^");
    }

    @Test
    void anEventWithoutRevisionsOrAlarmFallsBackToTheConfiguredRegionAndOmitsTheAlarmButton() {
        slack.stubFor(post("/services/T000/B000/XXXX").willReturn(aResponse().withStatus(200)));

        sender.send(new Dispatch(Channel.SLACK, PlatformEventFixtures.automationSuspended(), Severity.WARNING, null));

        JsonNode message =
                WebhookFixtures.bodies(slack, "/services/T000/B000/XXXX").get(0);
        assertThat(message.at("/attachments/0/color").asText()).isEqualTo("#F2C744");
        assertThat(message.get("text").asText()).contains("(–, version –)");
        assertThat(message.at("/attachments/0/blocks/2/elements").findValuesAsText("url"))
                .singleElement()
                .asString()
                .startsWith("https://eu-west-1.console.aws.amazon.com/ecs/");
    }

    @Test
    void anOverlongReasonIsCutToBlockKitsLimitInsteadOfGettingTheMessageRejected() throws Exception {
        PlatformEvent base = PlatformEventFixtures.rollbackStarted();
        PlatformEvent verbose = new PlatformEvent(
                base.eventId(),
                base.type(),
                base.severity(),
                base.occurredAt(),
                base.environment(),
                base.cluster(),
                base.service(),
                base.deploymentId(),
                base.repository(),
                base.version(),
                base.imageDigest(),
                base.fromRevision(),
                base.toRevision(),
                base.alarmName(),
                "x".repeat(10_000),
                base.causeEventId(),
                base.timeline());

        JsonNode message = JSON.readTree(new SlackMessageFormatter(JSON, "us-east-1")
                .format(new Dispatch(Channel.SLACK, verbose, Severity.CRITICAL, null)));

        assertThat(message.at("/attachments/0/blocks/1/text/text").asText())
                .hasSize(3_000)
                .endsWith("x…");
    }

    @Test
    void textThatLooksLikeSlackMarkupIsEscaped() {
        assertThat(SlackMessageFormatter.escape("<!channel> & <http://x|y>"))
                .isEqualTo("&lt;!channel&gt; &amp; &lt;http://x|y&gt;");
    }

    @Test
    void aRevokedWebhookIsAPermanentFailureAndForgetsTheCachedSecretWithoutLeakingIt() {
        slack.stubFor(post("/services/T000/B000/XXXX")
                .willReturn(aResponse().withStatus(404).withBody("no_service")));

        assertThatThrownBy(() -> sender.send(
                        new Dispatch(Channel.SLACK, PlatformEventFixtures.rollbackStarted(), Severity.CRITICAL, null)))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("XXXX");
                });
        assertThat(secrets.invalidated).containsExactly("slack");
    }

    @Test
    void aMalformedWebhookSecretFailsWithoutEchoingIt() {
        secrets.with("slack", "http://exa mple/secret-token-XYZ");

        assertThatThrownBy(() -> sender.send(
                        new Dispatch(Channel.SLACK, PlatformEventFixtures.rollbackStarted(), Severity.CRITICAL, null)))
                .isInstanceOf(DeliveryFailedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("XYZ"))
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }
}
