package dev.antigravity.lambdas.domain.port;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Current state of CloudWatch alarms. */
public interface AlarmPort {

    /** Every requested alarm; one CloudWatch does not know is {@link AlarmStatus#MISSING}. */
    Map<String, AlarmStatus> states(Collection<String> alarmNames);

    /**
     * Every requested alarm with the moment it entered its state (CloudWatch's {@code stateUpdatedTimestamp}), so
     * an ALARM that predates a deployment is not taken as evidence against it. Adapters that cannot tell when
     * answer {@code since = null}, which counts as "just now" (the cautious reading).
     */
    default Map<String, AlarmReading> readings(Collection<String> alarmNames) {
        Map<String, AlarmReading> readings = new LinkedHashMap<>();
        states(alarmNames).forEach((name, status) -> readings.put(name, new AlarmReading(status, null)));
        return readings;
    }

    enum AlarmStatus {
        OK,
        ALARM,
        INSUFFICIENT_DATA,
        MISSING
    }

    /** @param since when the alarm entered {@code status}; null when unknown */
    record AlarmReading(AlarmStatus status, Instant since) {
        /**
         * In ALARM, and it went there after {@code moment} (unknown: assume it did). Strictly after: an alarm
         * evaluates whole periods, so one that flips at the very moment a revision starts was not flipped by it.
         */
        public boolean firingSince(Instant moment) {
            return status == AlarmStatus.ALARM && (since == null || moment == null || since.isAfter(moment));
        }
    }
}
