package dev.antigravity.api.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.antigravity.api.db.Database;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.opentelemetry.api.OpenTelemetry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The project's integration-test convention for PostgreSQL, in one place:
 * <ol>
 *   <li>{@code TEST_POSTGRES_URL} (+ {@code _USER}, {@code _PASSWORD}) from the environment;</li>
 *   <li>else, if a Docker engine is available, a Testcontainers PostgreSQL 15 (one per JVM);</li>
 *   <li>else the test is skipped — unless {@code REQUIRE_INTEGRATION=true}, then it fails.</li>
 * </ol>
 * Every call to {@link #postgres()} gets a fresh schema, because the server is shared by
 * several engineers and test classes.
 */
public final class TestDatabases {
    private static PostgreSQLContainer container;

    private TestDatabases() {}

    /** A migrated in-memory H2 database in PostgreSQL mode (the service's default). */
    public static Database h2() {
        return h2(OpenTelemetry.noop());
    }

    /** The same, its statements traced by {@code telemetry} (the tests of database spans). */
    public static Database h2(OpenTelemetry telemetry) {
        return Database.create(dbConfig(Map.of()), telemetry);
    }

    /** A migrated PostgreSQL database in a fresh, uniquely named schema. */
    public static Database postgres() {
        return postgres(OpenTelemetry.noop());
    }

    /** The same, its statements traced by {@code telemetry}. */
    public static Database postgres(OpenTelemetry telemetry) {
        Endpoint pg = postgresEndpoint();
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(pg, "CREATE SCHEMA " + schema);
        dropAtExit(pg, schema);
        return Database.create(
                dbConfig(Map.of("url", pg.url(), "username", pg.user(), "password", pg.password(), "schema", schema)),
                telemetry);
    }

    /**
     * A database that refuses every connection, the way a stopped PostgreSQL looks (port 1 on
     * loopback); {@code connectionTimeout} is how long the pool waits before giving up.
     */
    public static Database unreachable(Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/antigravity");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setMaximumPoolSize(2);
        return Database.wrap(new HikariDataSource(config));
    }

    /** Both engines, for tests parameterized over the databases the service supports. */
    public enum Engine {
        H2,
        POSTGRES;

        public Database open() {
            return this == H2 ? h2() : postgres();
        }
    }

    public static boolean integrationRequired() {
        return "true".equalsIgnoreCase(System.getenv("REQUIRE_INTEGRATION"));
    }

    /** Where PostgreSQL is, or skip/fail per the convention above. */
    public static synchronized Endpoint postgresEndpoint() {
        String url = System.getenv("TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return new Endpoint(url, env("TEST_POSTGRES_USER", "postgres"), env("TEST_POSTGRES_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
            }
            return new Endpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        String reason = "PostgreSQL unavailable: set TEST_POSTGRES_URL or provide a Docker engine"
                + " (scripts/test starts PostgreSQL and runs every test)";
        if (integrationRequired()) {
            throw new IllegalStateException(reason + " (REQUIRE_INTEGRATION=true)");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    private static void execute(Endpoint pg, String sql) {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + pg.url(), e);
        }
    }

    /** The server is shared and long-lived: leave no test schemas behind. */
    private static void dropAtExit(Endpoint pg, String schema) {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                // lock_timeout: never let a lingering lock hold up JVM exit.
                execute(pg, "SET lock_timeout = '2s'; DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (IllegalStateException e) {
                // Best effort: a schema still in use by an unclosed pool is dropped by the next cleanup.
            }
        }));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static Config dbConfig(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("pool.size", "8");
        // Production's 2 s assumes the concurrency limiter in front of the pool; service-level tests race dozens of
        // threads straight at 8 connections on a loaded machine, where a 2 s wait is a flake, not a finding.
        all.putIfAbsent("pool.timeout", "PT30S");
        return Config.just(ConfigSources.create(all));
    }

    public record Endpoint(String url, String user, String password) {}

    /**
     * {@code @ExtendWith(TestDatabases.PostgresRequired.class)} for a {@code @ServerTest} that opens
     * {@link #postgres()} in its {@code @SetUpServer}: Helidon's extension would turn a skip raised there
     * into an error, so the convention is applied as a condition, before any extension runs.
     */
    public static final class PostgresRequired implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try {
                return ConditionEvaluationResult.enabled(
                        "PostgreSQL at " + postgresEndpoint().url());
            } catch (TestAbortedException skipped) {
                return ConditionEvaluationResult.disabled(skipped.getMessage());
            }
        }
    }
}
