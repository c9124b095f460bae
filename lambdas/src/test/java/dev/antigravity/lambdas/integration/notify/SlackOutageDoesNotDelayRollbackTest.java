package dev.antigravity.lambdas.integration.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.antigravity.lambdas.fakes.TestEvents.digest;
import static dev.antigravity.lambdas.fakes.TestEvents.ecs;
import static dev.antigravity.lambdas.fakes.TestEvents.push;
import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.aws.EcsDeploymentStateChange.Phase;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.app.Outcome;
import dev.antigravity.lambdas.app.notify.NotificationFailedException;
import dev.antigravity.lambdas.app.notify.NotifyPlatformEvent;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.notification.DispatchPlanner;
import dev.antigravity.lambdas.domain.notification.RoutingRules;
import dev.antigravity.lambdas.fakes.FakeEcs;
import dev.antigravity.lambdas.fakes.TestPlatform;
import dev.antigravity.lambdas.notifyfixtures.ChannelFixtures;
import dev.antigravity.lambdas.notifyfixtures.FakeSecrets;
import dev.antigravity.lambdas.notifyfixtures.InMemoryDeliveryLog;
import dev.antigravity.lambdas.notifyfixtures.RecordingSleeper;
import dev.antigravity.lambdas.notifyfixtures.WebhookFixtures;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rollback never waits on Slack: the alarm path only publishes platform events (to SNS in production), and
 * the notifier delivers them in its own invocation. Slack here hangs past every timeout for the whole test.
 */
class SlackOutageDoesNotDelayRollbackTest {
    private final TestPlatform platform = new TestPlatform();
    private final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer pagerDuty = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void start() {
        slack.start();
        pagerDuty.start();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        pagerDuty.stubFor(post("/v2/enqueue").willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stop() {
        slack.stop();
        pagerDuty.stop();
    }

    @Test
    void theRollbackCompletesWhileSlackHangsAndOnlyTheNotifierInvocationFails() {
        String stable = deployToStable();
        String bad = deploy(2);
        platform.recordDeploymentEvent.handle(
                ecs("c2", Phase.COMPLETED, FakeEcs.ecsDeploymentIdOf(bad), platform.clock.instant()));

        Outcome rollback = platform.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, platform.clock.instant());

        assertThat(rollback.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(platform.ecs.runningRevision(API)).isEqualTo(stable);
        assertThat(platform.ledger.find(API, Deployment.idOf(bad)).orElseThrow().state())
                .isEqualTo(DeploymentState.ROLLING_BACK);
        slack.verify(0, postRequestedFor(urlEqualTo("/hook")));

        // Later, in the notifier's own invocation: Slack times out on every attempt, PagerDuty still pages, and
        // the failure surfaces there (to Lambda's retry and the DLQ), long after the rollback was issued.
        PlatformEvent rollbackStarted = platform.publisher.published.stream()
                .filter(e -> e.type() == PlatformEventType.RollbackStarted)
                .findFirst()
                .orElseThrow();
        RecordingSleeper sleeper = new RecordingSleeper();
        NotifyPlatformEvent notifier = new NotifyPlatformEvent(
                new DispatchPlanner(RoutingRules.defaults()),
                ChannelFixtures.both(
                        new FakeSecrets()
                                .with("slack", slack.baseUrl() + "/hook")
                                .with("pd", "KEY"),
                        pagerDuty.baseUrl(),
                        WebhookFixtures.poster(sleeper, platform.clock, Duration.ofSeconds(1))),
                new InMemoryDeliveryLog(platform.clock));
        assertThatThrownBy(() -> notifier.notify(
                        rollbackStarted, platform.clock.instant().plusSeconds(60)))
                .isInstanceOfSatisfying(NotificationFailedException.class, e -> {
                    assertThat(e.outcome().delivered()).containsExactly("PAGERDUTY");
                    assertThat(e.outcome().failed()).singleElement().asString().contains("HttpTimeoutException");
                });
        assertThat(sleeper.waits).hasSize(3);
    }

    private String deployToStable() {
        String revision = deploy(1);
        platform.recordDeploymentEvent.handle(
                ecs("c1", Phase.COMPLETED, FakeEcs.ecsDeploymentIdOf(revision), platform.clock.instant()));
        platform.clock.advance(Duration.ofMinutes(16));
        platform.stabilize.run("sweep-1");
        return revision;
    }

    private String deploy(int n) {
        platform.acceptImage.handle(
                push("push-" + n, digest(n), "sha-" + String.valueOf(n).repeat(7), platform.clock.instant()));
        return platform.ecs.runningRevision(API);
    }
}
