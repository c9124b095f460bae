package dev.antigravity.lambdas.adapters.aws;

import dev.antigravity.lambdas.domain.port.AlarmPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** AlarmPort over CloudWatch DescribeAlarms (metric and composite alarms, 100 names per call). */
public final class CloudWatchAlarms implements AlarmPort {
    private static final int NAMES_PER_CALL = 100;
    private final CloudWatchClient cloudWatch;

    public CloudWatchAlarms(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Map<String, AlarmStatus> states(Collection<String> alarmNames) {
        Map<String, AlarmStatus> states = new LinkedHashMap<>();
        readings(alarmNames).forEach((name, reading) -> states.put(name, reading.status()));
        return states;
    }

    @Override
    public Map<String, AlarmReading> readings(Collection<String> alarmNames) {
        Map<String, AlarmReading> readings = new LinkedHashMap<>();
        alarmNames.forEach(name -> readings.put(name, new AlarmReading(AlarmStatus.MISSING, null)));
        List<String> names = new ArrayList<>(alarmNames);
        for (int from = 0; from < names.size(); from += NAMES_PER_CALL) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + NAMES_PER_CALL));
            DescribeAlarmsResponse response = cloudWatch.describeAlarms(
                    r -> r.alarmNames(batch).alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM));
            response.metricAlarms()
                    .forEach(a -> readings.put(
                            a.alarmName(), new AlarmReading(statusOf(a.stateValue()), a.stateUpdatedTimestamp())));
            response.compositeAlarms()
                    .forEach(a -> readings.put(
                            a.alarmName(), new AlarmReading(statusOf(a.stateValue()), a.stateUpdatedTimestamp())));
        }
        return readings;
    }

    private static AlarmStatus statusOf(StateValue value) {
        return switch (value) {
            case OK -> AlarmStatus.OK;
            case ALARM -> AlarmStatus.ALARM;
            case INSUFFICIENT_DATA -> AlarmStatus.INSUFFICIENT_DATA;
            case UNKNOWN_TO_SDK_VERSION -> AlarmStatus.MISSING;
        };
    }
}
