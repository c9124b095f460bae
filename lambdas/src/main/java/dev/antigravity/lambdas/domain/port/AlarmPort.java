package dev.antigravity.lambdas.domain.port;

import java.util.Collection;
import java.util.Map;

/** Current state of CloudWatch alarms. */
public interface AlarmPort {

    /** Every requested alarm; one CloudWatch does not know is {@link AlarmStatus#MISSING}. */
    Map<String, AlarmStatus> states(Collection<String> alarmNames);

    enum AlarmStatus { OK, ALARM, INSUFFICIENT_DATA, MISSING }
}
