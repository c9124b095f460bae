package dev.antigravity.lambdas.app.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DispatchPlanner;
import dev.antigravity.lambdas.domain.notification.RoutingRules;
import dev.antigravity.lambdas.notifyfixtures.ChannelFixtures;
import dev.antigravity.lambdas.notifyfixtures.FakeSecrets;
import dev.antigravity.lambdas.notifyfixtures.InMemoryDeliveryLog;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import dev.antigravity.lambdas.notifyfixtures.RecordingSleeper;
import dev.antigravity.lambdas.notifyfixtures.WebhookFixtures;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifyPlatformEventTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:20:05Z");
    private static final Instant LEASE = NOW.plusSeconds(60);

    private final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer pagerDuty = new WireMockServer(wireMockConfig().dynamicPort());
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final InMemoryDeliveryLog deliveryLog = new InMemoryDeliveryLog(InstantSource.fixed(NOW));
    private NotifyPlatformEvent notifier;

    @BeforeEach
    void start() {
        slack.start();
        pagerDuty.start();
        FakeSecrets secrets =
                new FakeSecrets().with("slack", slack.baseUrl() + "/hook").with("pd", "R0UT1NGKEY");
        notifier = new NotifyPlatformEvent(
                new DispatchPlanner(RoutingRules.defaults()),
                ChannelFixtures.both(
                        secrets, pagerDuty.baseUrl(), WebhookFixtures.poster(sleeper, InstantSource.fixed(NOW))),
                deliveryLog);
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        pagerDuty.stubFor(post("/v2/enqueue")
                .willReturn(aResponse()
                        .withStatus(202)
                        .withBody("{\"status\":\"success\",\"message\":\"Event processed\"}")));
    }

    @AfterEach
    void stop() {
        slack.stop();
        pagerDuty.stop();
    }

    @Test
    void aRollbackTriggersAPageAndTheAlarmClearingResolvesItWithTheSameDedupKey() {
        notifier.notify(PlatformEventFixtures.rollbackStarted(), LEASE);
        notifier.notify(PlatformEventFixtures.alarmCleared(), LEASE);

        List<JsonNode> events = WebhookFixtures.bodies(pagerDuty, "/v2/enqueue");
        // The recovery resolves the unhealthy deployment and any production incident (service-unhealthy) alike.
        assertThat(events)
                .extracting(e -> e.get("event_action").asText())
                .containsExactly("trigger", "resolve", "resolve");
        assertThat(events)
                .extracting(e -> e.get("dedup_key").asText())
                .containsExactly(
                        "antigravity/prod/antigravity-prod/api/deployment-unhealthy",
                        "antigravity/prod/antigravity-prod/api/deployment-unhealthy",
                        "antigravity/prod/antigravity-prod/api/service-unhealthy");
        assertThat(events).extracting(e -> e.get("routing_key").asText()).containsOnly("R0UT1NGKEY");
        JsonNode trigger = events.get(0);
        assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
        assertThat(trigger.at("/payload/source").asText()).isEqualTo("antigravity-prod/api");
        assertThat(trigger.at("/payload/summary").asText())
                .isEqualTo("RollbackStarted prod antigravity-prod/api: "
                        + "guard alarm antigravity-prod-api-5xx in ALARM while BAKING");
        assertThat(trigger.at("/payload/custom_details/toRevision").asText()).endsWith("task-definition/api:6");
        assertThat(trigger.get("links").findValuesAsText("text")).containsExactly("ECS service", "CloudWatch alarm");
        assertThat(events.get(1).has("payload")).isFalse();
    }

    @Test
    void aDuplicateDeliveryOfOnePlatformEventPostsOnce() {
        PlatformEvent rollback = PlatformEventFixtures.rollbackStarted();

        NotifyPlatformEvent.Outcome first = notifier.notify(rollback, LEASE);
        NotifyPlatformEvent.Outcome second = notifier.notify(rollback, LEASE);

        assertThat(first.delivered()).containsExactly("SLACK", "PAGERDUTY");
        assertThat(second.delivered()).isEmpty();
        assertThat(second.skipped()).hasSize(2).allMatch(reason -> reason.contains("already delivered"));
        slack.verify(1, postRequestedFor(urlEqualTo("/hook")));
        pagerDuty.verify(1, postRequestedFor(urlEqualTo("/v2/enqueue")));
    }

    @Test
    void aSlackOutageStillPagesThenSurfacesAndTheRetryPostsOnlyToSlack() {
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
        PlatformEvent rollback = PlatformEventFixtures.rollbackStarted();

        assertThatThrownBy(() -> notifier.notify(rollback, LEASE))
                .isInstanceOfSatisfying(NotificationFailedException.class, e -> {
                    assertThat(e.outcome().delivered()).containsExactly("PAGERDUTY");
                    assertThat(e.outcome().failed()).singleElement().asString().startsWith("SLACK: gave up after 4");
                });
        slack.verify(4, postRequestedFor(urlEqualTo("/hook")));
        assertThat(deliveryLog.delivered(rollback.eventId(), Channel.PAGERDUTY)).isTrue();
        assertThat(deliveryLog.delivered(rollback.eventId(), Channel.SLACK)).isFalse();

        slack.resetAll();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        assertThat(notifier.notify(rollback, LEASE).delivered()).containsExactly("SLACK");
        pagerDuty.verify(1, postRequestedFor(urlEqualTo("/v2/enqueue")));
    }

    @Test
    void aRejectedPayloadIsNotRetriedButStillSurfacesSoTheDeadLetterQueueKeepsTheEvent() {
        pagerDuty.stubFor(post("/v2/enqueue")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"status\":\"invalid event\",\"errors\":[\"'routing_key' is invalid\"]}")));

        assertThatThrownBy(() -> notifier.notify(PlatformEventFixtures.rollbackStarted(), LEASE))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("HTTP 400");
        pagerDuty.verify(1, postRequestedFor(urlEqualTo("/v2/enqueue")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void anEventAnotherInvocationIsDeliveringRightNowIsLeftToItAndRetriedLater() {
        PlatformEvent rollback = PlatformEventFixtures.rollbackStarted();
        deliveryLog.claim(rollback.eventId(), Channel.SLACK, LEASE);

        assertThatThrownBy(() -> notifier.notify(rollback, LEASE))
                .isInstanceOfSatisfying(
                        NotificationFailedException.class,
                        e -> assertThat(e.outcome().failed())
                                .singleElement()
                                .asString()
                                .contains("another invocation is delivering"));
        slack.verify(0, postRequestedFor(urlEqualTo("/hook")));
        pagerDuty.verify(1, postRequestedFor(urlEqualTo("/v2/enqueue")));
    }
}
