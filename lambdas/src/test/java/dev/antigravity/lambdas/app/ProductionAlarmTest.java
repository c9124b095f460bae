package dev.antigravity.lambdas.app;

import static dev.antigravity.lambdas.fakes.TestEvents.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import dev.antigravity.lambdas.domain.notification.DispatchPlanner;
import dev.antigravity.lambdas.domain.notification.PagerDutyAction;
import dev.antigravity.lambdas.domain.notification.RoutingRules;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A production incident outside a deployment pages: a guard alarm in ALARM with nothing in flight publishes
 * {@code ServiceUnhealthy}, which PagerDuty triggers on, and the recovery (every guard alarm OK) resolves it.
 */
class ProductionAlarmTest {
    private final TestPlatform p = new TestPlatform();
    private final DispatchPlanner planner = new DispatchPlanner(RoutingRules.defaults());

    private List<PagerDutyAction> pagerDutyActionsOf(PlatformEvent event) {
        return planner.plan(event).dispatches().stream()
                .flatMap(d -> d.pagerDutyActions().stream())
                .toList();
    }

    private List<PagerDutyAction> pagerDutyActionsSoFar() {
        return p.publisher.published.stream()
                .flatMap(e -> pagerDutyActionsOf(e).stream())
                .toList();
    }

    @Test
    void aGuardAlarmWithNothingInFlightPublishesServiceUnhealthyAndChangesNothingInEcs() {
        String running = p.ecs.runningRevision(TestPlatform.API);

        Outcome outcome = p.handleAlarm.handle(alarm("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant()));

        assertThat(outcome.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(outcome.reason()).contains("no deployment in flight");
        assertThat(outcome.actions()).containsExactly("publish ServiceUnhealthy");
        assertThat(p.publisher.published).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(PlatformEventType.ServiceUnhealthy);
            assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(event.alarmName()).isEqualTo("api-5xx");
            assertThat(event.deploymentId()).isNull();
        });
        assertThat(p.ecs.runningRevision(TestPlatform.API)).isEqualTo(running);
    }

    @Test
    void thePageIsTriggeredOnAlarmAndResolvedOnlyOnceEveryGuardAlarmIsOk() {
        p.ecs.guardAlarms = List.of("api-5xx", "api-latency");
        p.alarms.states.put("api-5xx", AlarmStatus.ALARM);
        p.alarms.states.put("api-latency", AlarmStatus.ALARM);

        p.handleAlarm.handle(alarm("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant()));
        p.handleAlarm.handle(alarm("a2", "api-latency", Value.OK, Value.ALARM, p.clock.instant()));
        String incident = "antigravity/prod/prod/api/service-unhealthy";
        assertThat(pagerDutyActionsSoFar()).containsOnly(new PagerDutyAction(PagerDutyAction.Kind.TRIGGER, incident));

        p.alarms.states.put("api-5xx", AlarmStatus.OK);
        p.handleAlarm.handle(alarm("a3", "api-5xx", Value.ALARM, Value.OK, p.clock.instant()));
        assertThat(pagerDutyActionsSoFar()).noneMatch(a -> a.kind() == PagerDutyAction.Kind.RESOLVE);

        p.alarms.states.put("api-latency", AlarmStatus.OK);
        p.handleAlarm.handle(alarm("a4", "api-latency", Value.ALARM, Value.OK, p.clock.instant()));
        assertThat(pagerDutyActionsSoFar()).contains(new PagerDutyAction(PagerDutyAction.Kind.RESOLVE, incident));
    }

    @Test
    void aDeploymentReachingStableDoesNotResolveAnIncidentWhoseAlarmStillFires() {
        p.handleAlarm.handle(alarm("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant()));
        String incident = pagerDutyActionsSoFar().getFirst().dedupKey();

        PlatformEvent stable = new dev.antigravity.lambdas.domain.PlatformEvents("prod")
                .aboutService(
                        TestPlatform.API,
                        PlatformEventType.DeploymentStable,
                        p.clock.instant(),
                        "hotfix stable",
                        null,
                        null,
                        "s1");

        assertThat(pagerDutyActionsOf(stable))
                .extracting(PagerDutyAction::dedupKey)
                .doesNotContain(incident);
        assertThat(planner.plan(stable).dispatches())
                .extracting(Dispatch::channel)
                .isNotEmpty();
    }
}
