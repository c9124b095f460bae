package dev.antigravity.events.aws;

import java.util.List;

/** "CloudWatch Alarm State Change". {@code reasonData} stays a string: CloudWatch sends it as one. */
public record CloudWatchAlarmStateChange(
        EventEnvelope envelope, String alarmName, AlarmState state, AlarmState previousState, List<AlarmMetric> metrics)
        implements AwsEvent {
    public CloudWatchAlarmStateChange {
        metrics = List.copyOf(metrics);
    }

    public enum Value {
        OK,
        ALARM,
        INSUFFICIENT_DATA
    }

    /**
     * One state. {@code actionsSuppressedBy} ({@code WaitPeriod}, {@code ExtensionPeriod} or {@code Alarm}) is set
     * when CloudWatch suppresses a composite alarm's actions in this state: its suppressor alarm is in ALARM, or is
     * being waited for. Null otherwise.
     */
    public record AlarmState(
            Value value,
            String reason,
            String reasonData,
            String timestamp,
            String actionsSuppressedBy,
            String actionsSuppressedReason) {
        /** A state whose actions are not suppressed (every metric alarm's). */
        public AlarmState(Value value, String reason, String reasonData, String timestamp) {
            this(value, reason, reasonData, timestamp, null, null);
        }
    }

    /** One entry of configuration.metrics: a metric stat or a metric-math expression. */
    public record AlarmMetric(String id, String expression, String namespace, String metricName) {
        public boolean isExpression() {
            return expression != null;
        }
    }

    public boolean isAlarm() {
        return state.value() == Value.ALARM;
    }

    /** CloudWatch suppresses this alarm's actions in its new state: nothing may act on it either. */
    public boolean actionsSuppressed() {
        return state.actionsSuppressedBy() != null;
    }

    public boolean isRecovery() {
        return state.value() == Value.OK && previousState.value() != Value.OK;
    }
}
