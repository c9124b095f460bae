package dev.antigravity.lambdas.app;

import static dev.antigravity.lambdas.fakes.TestEvents.digest;
import static dev.antigravity.lambdas.fakes.TestEvents.push;
import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.EventResources;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A composite guard alarm whose actions CloudWatch suppresses (its suppressor alarm explains the outage, or is
 * being waited for) must neither roll back nor page; once the suppression ends, the same alarm acts as usual.
 */
class SuppressedAlarmTest {
    private final TestPlatform p = new TestPlatform();

    private CloudWatchAlarmStateChange sample(String file) {
        var alarm = (CloudWatchAlarmStateChange)
                new EventCodec().decodeAwsEvent(EventResources.sample(file).json());
        p.ecs.guardAlarms = List.of(alarm.alarmName());
        return alarm;
    }

    private Deployment inFlight() {
        p.acceptImage.handle(push("push-1", digest(1), "sha-1111111", p.clock.instant()));
        return p.ledger.find(API, Deployment.idOf(p.ecs.runningRevision(API))).orElseThrow();
    }

    @Test
    void aSuppressedAlarmNeitherRollsBackNorPages() {
        Deployment deployment = inFlight();

        Outcome outcome = p.handleAlarm.handle(sample("cloudwatch-alarm-composite-suppressed-ok-to-alarm.json"));

        assertThat(outcome.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(outcome.reason()).contains("antigravity-prod-api-unhealthy", "suppressed", "WaitPeriod");
        assertThat(p.ledger.find(API, deployment.deploymentId()).orElseThrow().state())
                .isEqualTo(DeploymentState.PENDING);
        assertThat(p.ecs.updates).hasSize(1);
        assertThat(p.publisher.types()).containsExactly("DeploymentAccepted");
    }

    @Test
    void whenTheSuppressionEndsTheAlarmRollsBack() {
        Deployment deployment = inFlight();
        // CloudWatch (what RollBack reads back) has the composite in ALARM since the deployment began.
        p.alarms.states.put("antigravity-prod-api-unhealthy", AlarmPort.AlarmStatus.ALARM);
        p.alarms.since.put("antigravity-prod-api-unhealthy", p.clock.instant().plusSeconds(30));

        Outcome outcome = p.handleAlarm.handle(sample("cloudwatch-alarm-composite-suppression-ended.json"));

        assertThat(outcome.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(p.ledger.find(API, deployment.deploymentId()).orElseThrow().state())
                .isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(p.ecs.runningRevision(API)).isEqualTo(p.baseline);
        assertThat(p.publisher.types()).contains("AlarmRaised", "RollbackStarted");
    }
}
