package dev.antigravity.api.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Ids drawn ahead are handed out oldest first, only while fresh, and never more than the queue holds. */
class OrderIdsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void idsDrawnAheadAreTakenOldestFirstAndOnce() {
        OrderIds ids = new OrderIds(Duration.ofSeconds(1), 8);
        ids.drawn(41, T0);
        ids.drawn(42, T0.plusMillis(10));

        assertThat(ids.take(T0.plusMillis(20))).isEqualTo(OptionalLong.of(41));
        assertThat(ids.take(T0.plusMillis(20))).isEqualTo(OptionalLong.of(42));
        assertThat(ids.take(T0.plusMillis(20))).isEmpty();
    }

    @Test
    void anIdDrawnLongerAgoThanItsFreshnessIsNeverHandedOut() {
        OrderIds ids = new OrderIds(Duration.ofSeconds(1), 8);
        ids.drawn(7, T0);
        ids.drawn(8, T0.plusMillis(900));

        assertThat(ids.take(T0.plusMillis(1500))).isEqualTo(OptionalLong.of(8));
        assertThat(ids.take(T0.plusMillis(1500))).isEmpty();
        ids.drawn(9, T0);
        assertThat(ids.take(T0.plusSeconds(5))).isEmpty();
    }

    @Test
    void idsBeyondTheCapacityAreDropped() {
        OrderIds ids = new OrderIds(Duration.ofSeconds(1), 2);
        ids.drawn(1, T0);
        ids.drawn(2, T0);
        ids.drawn(3, T0);

        assertThat(ids.take(T0)).isEqualTo(OptionalLong.of(1));
        assertThat(ids.take(T0)).isEqualTo(OptionalLong.of(2));
        assertThat(ids.take(T0)).isEmpty();
    }
}
