package dev.antigravity.api.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binds instants as UTC offset date-times, the java.time type both JDBC drivers accept. */
final class Times {
    private Times() {}

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
