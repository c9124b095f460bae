package dev.antigravity.events.aws;

import java.util.List;

/** "CloudWatch Alarm State Change". {@code reasonData} stays a string: CloudWatch sends it as one. */
public record CloudWatchAlarmStateChange(EventEnvelope envelope, String alarmName, AlarmState state,
                                         AlarmState previousState, List<AlarmMetric> metrics) implements AwsEvent {
    public CloudWatchAlarmStateChange {
        metrics = List.copyOf(metrics);
    }

    public enum Value { OK, ALARM, INSUFFICIENT_DATA }

    public record AlarmState(Value value, String reason, String reasonData, String timestamp) {
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

    public boolean isRecovery() {
        return state.value() == Value.OK && previousState.value() != Value.OK;
    }
}
