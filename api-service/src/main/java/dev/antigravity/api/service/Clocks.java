package dev.antigravity.api.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Current time at the precision the databases store, so returned records equal stored ones. */
final class Clocks {
    private Clocks() {}

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
