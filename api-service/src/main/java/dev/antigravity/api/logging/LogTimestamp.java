package dev.antigravity.api.logging;

import java.time.Instant;

/**
 * {@code Instant.ofEpochMilli(millis).toString()} (ISO-8601 in UTC, the fraction omitted when zero), with the text up
 * to the second built once per second: every log line carries a timestamp, and the JDK's formatter was the larger
 * part of formatting an access log line.
 */
final class LogTimestamp {
    /** The text of one second without its {@code Z}, e.g. {@code 2026-11-30T15:27:00}. */
    private record Second(long epochSecond, String text) {}

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private LogTimestamp() {}

    static String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        Second cached = last;
        if (cached.epochSecond() != second) {
            String whole = Instant.ofEpochSecond(second).toString();
            cached = new Second(second, whole.substring(0, whole.length() - 1));
            last = cached;
        }
        if (millis == 0) {
            return cached.text() + "Z";
        }
        char[] fraction = {
            '.', (char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10), 'Z'
        };
        return cached.text().concat(new String(fraction));
    }
}
