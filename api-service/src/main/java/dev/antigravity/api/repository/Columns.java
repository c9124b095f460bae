package dev.antigravity.api.repository;

import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads typed values from a row the same way on H2 and PostgreSQL: the two report column labels
 * in different case and return different JDBC types for timestamps and dates.
 */
final class Columns {
    private Columns() {}

    static long longValue(DbRow row, String name) {
        return ((Number) value(row, name)).longValue();
    }

    static int intValue(DbRow row, String name) {
        return ((Number) value(row, name)).intValue();
    }

    static String string(DbRow row, String name) {
        return (String) value(row, name);
    }

    /** A nullable text column: null when the row holds NULL. */
    static String nullableString(DbRow row, String name) {
        return (String) optional(row, name).orElse(null);
    }

    static boolean bool(DbRow row, String name) {
        return (Boolean) value(row, name);
    }

    static BigDecimal decimal(DbRow row, String name) {
        Object value = value(row, name);
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    static Instant instant(DbRow row, String name) {
        return switch (value(row, name)) {
            case OffsetDateTime odt -> odt.toInstant();
            case Timestamp ts -> ts.toInstant();
            case Instant instant -> instant;
            case Object other ->
                throw new IllegalStateException("Column " + name + " is not a timestamp: "
                        + other.getClass().getName());
        };
    }

    static LocalDate date(DbRow row, String name) {
        return switch (value(row, name)) {
            case java.sql.Date date -> date.toLocalDate();
            case LocalDate date -> date;
            case Object other ->
                throw new IllegalStateException(
                        "Column " + name + " is not a date: " + other.getClass().getName());
        };
    }

    static Optional<Object> optional(DbRow row, String name) {
        return column(row, name).asOptional();
    }

    private static Object value(DbRow row, String name) {
        return optional(row, name).orElseThrow(() -> new IllegalStateException("Column " + name + " is null"));
    }

    private static DbColumn column(DbRow row, String name) {
        DbColumn column = row.column(name);
        if (column == null) {
            column = row.column(name.toUpperCase(Locale.ROOT));
        }
        if (column == null) {
            throw new IllegalStateException("No column " + name + " in result");
        }
        return column;
    }
}
