package dev.antigravity.lambdas.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guard alarm back to OK, through {@link HandleAlarm}: AlarmCleared (which resolves the service's page) goes out
 * only for a real recovery, ALARM → OK with every guard alarm of the service OK.
 */
class AnnounceRecoveryTest {
    private final TestPlatform p = new TestPlatform();

    private List<PlatformEvent> cleared() {
        return p.publisher.published.stream()
                .filter(e -> e.type() == PlatformEventType.AlarmCleared)
                .toList();
    }

    @Test
    void anAlarmThatGetsDataAgainIsNoRecovery() {
        Outcome outcome = p.alarmEvent("a1", "api-5xx", Value.INSUFFICIENT_DATA, Value.OK, p.clock.instant());

        assertThat(outcome.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(outcome.reason()).contains("INSUFFICIENT_DATA -> OK");
        assertThat(cleared()).isEmpty();
    }

    @Test
    void oneGuardAlarmBackToOkWhileAnotherFiresAnnouncesNothingUntilTheLastOneRecovers() {
        p.ecs.guardAlarms = List.of("api-5xx", "api-latency", "api-memory");
        p.alarms.states.put("api-latency", AlarmStatus.ALARM);
        p.alarms.states.put("api-memory", AlarmStatus.INSUFFICIENT_DATA);

        Outcome early = p.alarmEvent("a1", "api-5xx", Value.ALARM, Value.OK, p.clock.instant());

        assertThat(early.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(early.reason()).contains("api-latency ALARM", "api-memory INSUFFICIENT_DATA");
        assertThat(cleared()).isEmpty();

        p.alarms.states.put("api-latency", AlarmStatus.OK);
        p.alarms.states.put("api-memory", AlarmStatus.OK);
        Outcome last = p.alarmEvent("a2", "api-latency", Value.ALARM, Value.OK, p.clock.instant());

        assertThat(last.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(last.actions()).containsExactly("publish AlarmCleared");
        assertThat(cleared()).singleElement().satisfies(event -> {
            assertThat(event.alarmName()).isEqualTo("api-latency");
            assertThat(event.service()).isEqualTo("api");
            assertThat(event.causeEventId()).isEqualTo("a2");
        });
    }

    @Test
    void aGuardAlarmCloudWatchNoLongerKnowsIsNotCountedAsOk() {
        p.ecs.guardAlarms = List.of("api-5xx", "api-deleted");
        p.alarms.states.put("api-deleted", AlarmStatus.MISSING);

        Outcome outcome = p.alarmEvent("a1", "api-5xx", Value.ALARM, Value.OK, p.clock.instant());

        assertThat(outcome.reason()).contains("api-deleted MISSING");
        assertThat(cleared()).isEmpty();
    }
}
