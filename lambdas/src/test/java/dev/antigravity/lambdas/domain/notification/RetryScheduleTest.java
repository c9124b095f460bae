package dev.antigravity.lambdas.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule =
            new RetrySchedule(4, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(20));

    @Test
    void backoffDoublesWithinEqualJitterAndStopsAtTheCap() {
        assertThat(schedule.delayAfter(1, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(schedule.delayAfter(1, Optional.empty(), () -> 0.999))
                .isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(schedule.delayAfter(2, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(schedule.delayAfter(3, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMillis(1500));
        assertThat(schedule.delayAfter(30, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(30, Optional.empty(), () -> 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aRetryAfterHintIsHonouredExactlyUpToTheCap() {
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofSeconds(7)), () -> 0.9))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofHours(1)), () -> 0.9))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void attemptsAreBounded() {
        assertThat(schedule.mayRetryAfter(3)).isTrue();
        assertThat(schedule.mayRetryAfter(4)).isFalse();
        assertThatThrownBy(() -> new RetrySchedule(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(RetryAfter.parse("12", now)).contains(Duration.ofSeconds(12));
        assertThat(RetryAfter.parse(" 0 ", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 09:59:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999999", now))
                .get()
                .satisfies(d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
