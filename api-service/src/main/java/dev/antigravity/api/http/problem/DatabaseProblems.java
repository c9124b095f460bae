package dev.antigravity.api.http.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Tells "the database cannot be reached" apart from real bugs. During an outage every database
 * request fails the same way (HikariCP times out waiting for a connection, or the driver's
 * connection is refused or cut); that is the service being temporarily unavailable, so the
 * client gets 503 with {@code Retry-After}, not 500, and the log gets one line per request
 * instead of a stack trace each (docs/benchmarks.md, finding 3).
 */
public final class DatabaseProblems {
    /** About one load-balancer health-check interval: by then /ready has taken a dead task out. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** PostgreSQL's "operator intervention" states seen while a server shuts down or starts up. */
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

    private DatabaseProblems() {}

    /** The connection failure in {@code error}'s cause chain, if any. */
    public static Optional<Throwable> connectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of(t);
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** SQLState class 08 is "connection exception" in SQL:2016; the others are listed above. */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SHUTTING_DOWN.contains(sqlState));
    }

    public static ApiException unavailable() {
        return ApiException.serviceUnavailable("The database is temporarily unavailable; retry later.", RETRY_AFTER);
    }
}
