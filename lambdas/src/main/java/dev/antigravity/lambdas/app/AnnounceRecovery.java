package dev.antigravity.lambdas.app;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A guard alarm back to OK → {@code AlarmCleared}, which resolves the service's unhealthy-deployment page. Only a
 * real recovery is announced: the alarm came back from ALARM (INSUFFICIENT_DATA → OK is an alarm getting data
 * again, nothing had fired) and every guard alarm of the service is OK now, as CloudWatch reports them — one alarm
 * recovering while another still fires (or has no data, or was deleted) must not resolve the page. When several
 * recover together, the last one's handler sees them all OK, since CloudWatch records a state before it emits the
 * event about it.
 */
public final class AnnounceRecovery {
    private final EcsPort ecs;
    private final AlarmPort alarms;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Clock clock;

    public AnnounceRecovery(
            EcsPort ecs, AlarmPort alarms, PlatformEventPublisher publisher, PlatformEvents events, Clock clock) {
        this.ecs = ecs;
        this.alarms = alarms;
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
    }

    /** {@code alarm} went to OK and guards {@code service}. */
    public Outcome announce(String handler, ManagedService service, CloudWatchAlarmStateChange alarm) {
        String key = service.ref().key();
        if (alarm.previousState().value() != CloudWatchAlarmStateChange.Value.ALARM) {
            return Outcome.of(
                            handler,
                            alarm.id(),
                            Outcome.Result.IGNORED,
                            "guard alarm " + alarm.alarmName() + " went "
                                    + alarm.previousState().value() + " -> OK: no recovery to announce")
                    .about(key, null, null);
        }
        List<String> guards = ecs.describe(service.ref()).guardAlarms();
        Map<String, AlarmStatus> states = alarms.states(guards);
        List<String> unsettled = guards.stream()
                .filter(name -> states.get(name) != AlarmStatus.OK)
                .map(name -> name + " " + states.get(name))
                .toList();
        if (!unsettled.isEmpty()) {
            return Outcome.of(
                            handler,
                            alarm.id(),
                            Outcome.Result.IGNORED,
                            "guard alarm " + alarm.alarmName() + " back to OK, but not recovered yet: "
                                    + String.join(", ", unsettled))
                    .about(key, null, null);
        }
        publisher.publish(events.aboutService(
                service.ref(),
                PlatformEventType.AlarmCleared,
                clock.instant(),
                "guard alarm " + alarm.alarmName() + " back to OK; every guard alarm OK",
                null,
                alarm.alarmName(),
                alarm.id()));
        return Outcome.of(
                        handler,
                        alarm.id(),
                        Outcome.Result.APPLIED,
                        "guard alarm " + alarm.alarmName() + " cleared; every guard alarm OK")
                .about(key, null, null)
                .withActions(List.of("publish AlarmCleared"));
    }
}
