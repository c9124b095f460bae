package dev.antigravity.lambdas.notifyfixtures;

import dev.antigravity.lambdas.domain.port.AlarmPort;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alarm states set by the test; unknown alarms are MISSING, as the port promises. */
public final class FakeAlarms implements AlarmPort {
    private final Map<String, AlarmStatus> states = new HashMap<>();

    public FakeAlarms set(String name, AlarmStatus status) {
        states.put(name, status);
        return this;
    }

    @Override
    public Map<String, AlarmStatus> states(Collection<String> alarmNames) {
        Map<String, AlarmStatus> answer = new LinkedHashMap<>();
        alarmNames.forEach(name -> answer.put(name, states.getOrDefault(name, AlarmStatus.MISSING)));
        return answer;
    }
}
