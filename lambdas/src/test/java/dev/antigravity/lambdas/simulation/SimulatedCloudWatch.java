package dev.antigravity.lambdas.simulation;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.AlarmState;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.aws.EventEnvelope;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * CloudWatch alarms whose state the scenario drives. A change to ALARM or OK is an "Alarm State Change" event (the
 * EventBridge rule passes only those two, so a change to INSUFFICIENT_DATA invokes nothing).
 */
final class SimulatedCloudWatch implements AlarmPort {
    private final Clock clock;
    private final EventBus bus;
    private final Map<String, Value> states = new LinkedHashMap<>();
    private final Map<String, Instant> since = new LinkedHashMap<>();
    private final List<BiConsumer<String, Value>> onChange = new java.util.ArrayList<>();
    private int eventSequence;

    SimulatedCloudWatch(Clock clock, EventBus bus) {
        this.clock = clock;
        this.bus = bus;
    }

    void onChange(BiConsumer<String, Value> listener) {
        onChange.add(listener);
    }

    void create(String name, Value initial) {
        states.put(name, initial);
        since.put(name, clock.instant().minus(java.time.Duration.ofHours(1)));
    }

    void set(String name, Value next) {
        Value previous = states.put(name, next);
        if (previous == next) {
            return;
        }
        since.put(name, clock.instant());
        onChange.forEach(listener -> listener.accept(name, next));
        if (next == Value.INSUFFICIENT_DATA) {
            return;
        }
        Instant at = clock.instant();
        bus.publish(
                new CloudWatchAlarmStateChange(
                        new EventEnvelope(
                                "cw-" + ++eventSequence,
                                "CloudWatch Alarm State Change",
                                "aws.cloudwatch",
                                "123456789012",
                                at,
                                "us-east-1",
                                List.of("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name)),
                        name,
                        new AlarmState(next, "Threshold Crossed", "{}", at.toString()),
                        new AlarmState(previous, "Threshold Crossed", "{}", at.toString()),
                        List.of()),
                at);
    }

    boolean isAlarm(String name) {
        return states.get(name) == Value.ALARM;
    }

    Value state(String name) {
        return states.get(name);
    }

    @Override
    public Map<String, AlarmStatus> states(Collection<String> alarmNames) {
        Map<String, AlarmStatus> result = new LinkedHashMap<>();
        for (String name : alarmNames) {
            Value value = states.get(name);
            result.put(name, value == null ? AlarmStatus.MISSING : AlarmStatus.valueOf(value.name()));
        }
        return result;
    }

    /** With CloudWatch's {@code stateUpdatedTimestamp}: when the alarm entered its state. */
    @Override
    public Map<String, AlarmReading> readings(Collection<String> alarmNames) {
        Map<String, AlarmReading> result = new LinkedHashMap<>();
        states(alarmNames).forEach((name, status) -> result.put(name, new AlarmReading(status, since.get(name))));
        return result;
    }
}
