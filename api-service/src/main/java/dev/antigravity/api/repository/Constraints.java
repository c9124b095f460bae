package dev.antigravity.api.repository;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

/** Recognises constraint violations by SQLState, which H2 and PostgreSQL share. */
public final class Constraints {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /**
     * The data a statement wrote was refused: a CHECK (stock below zero; 23514 on PostgreSQL, 23513 on H2), a NOT
     * NULL (a line for no product), a foreign key, or a number beyond its column (an order's total; H2 may call it
     * too long).
     */
    private static final Set<String> DATA_REFUSALS = Set.of("23514", "23513", "23502", "23503", "22003", "22001");

    private Constraints() {}

    /** True when the failure is the database refusing the values written (see {@link #DATA_REFUSALS}). */
    public static boolean isDataRefusal(Throwable failure) {
        return hasSqlState(failure, DATA_REFUSALS::contains);
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, UNIQUE_VIOLATION::equals);
    }

    public static boolean isForeignKeyViolation(Throwable failure) {
        return hasSqlState(failure, FOREIGN_KEY_VIOLATION::equals);
    }

    /** True when the violated constraint's name appears in the database's message. */
    public static boolean mentions(Throwable failure, String constraintName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException
                    && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(constraintName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSqlState(Throwable failure, Predicate<String> state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // A driver may give no SQLState (a broken connection); Set.of(...).contains(null) would throw.
            if (t instanceof SQLException sql && sql.getSQLState() != null && state.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
