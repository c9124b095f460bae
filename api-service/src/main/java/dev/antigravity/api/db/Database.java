package dev.antigravity.api.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The service's database: one HikariCP pool shared by helidon-dbclient (for the repositories)
 * and by Flyway (migrations at start-up). Helidon's own Hikari integration is not available at
 * 4.5.0, so the pool is built here and handed to the JDBC client as its connection source.
 * With no {@code db.url} the service runs on an in-memory H2 in PostgreSQL mode, so a newcomer
 * needs nothing installed; the same migrations run on both. With {@code db.secret.id} the credentials come
 * from Secrets Manager at each new connection ({@link SecretsManagerCredentials}).
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;
    private final DbClient dbClient;
    private final boolean embedded;

    private Database(HikariDataSource dataSource, boolean embedded, OpenTelemetry telemetry) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        // The repositories' statements become CLIENT spans, children of whatever span is current (the request's);
        // the SQL text is sanitized and parameters are not captured, so no client value reaches a trace.
        DataSource traced = JdbcTelemetry.builder(telemetry)
                .setQuerySanitizationEnabled(true)
                .setCaptureQueryParameters(false)
                .build()
                .wrap(dataSource);
        this.dbClient = JdbcClientBuilder.create()
                .connectionPool(() -> connection(inKeptTrace() ? traced : dataSource))
                .build();
    }

    /**
     * Whether a statement run now may become a span. The service's sampler follows the parent's decision
     * ({@link dev.antigravity.api.tracing.Tracing}), so a statement inside a trace it dropped (nine requests in
     * ten at the default ratio) would become a span dropped too; the instrumentation would still parse and
     * sanitize its SQL, build its attributes and wrap every call (docs/benchmarks.md, issue 12). Such statements
     * get the pool's connection itself. Outside any trace the sampler decides, as before.
     */
    private static boolean inKeptTrace() {
        SpanContext current = Span.current().getSpanContext();
        return !current.isValid() || current.isSampled();
    }

    private static Connection connection(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DbClientException("No database connection available", e);
        }
    }

    /** Builds the pool from the {@code db} configuration node and migrates the schema; no database spans. */
    public static Database create(Config db) {
        return create(db, OpenTelemetry.noop());
    }

    /** The same, every statement of the repositories a span of {@code telemetry}. */
    public static Database create(Config db, OpenTelemetry telemetry) {
        String url = db.get("url").asString().orElse("").trim();
        boolean embedded = url.isEmpty();
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("antigravity");
        Optional<SecretsManagerCredentials> secret = SecretsManagerCredentials.from(db.get("secret"));
        if (secret.isPresent()) {
            secret.get().configure(pool, url, db);
        } else {
            pool.setJdbcUrl(embedded ? embeddedUrl() : url);
            db.get("username").asString().filter(s -> !s.isBlank()).ifPresent(pool::setUsername);
            db.get("password").asString().filter(s -> !s.isBlank()).ifPresent(pool::setPassword);
        }
        db.get("schema").asString().filter(s -> !s.isBlank()).ifPresent(pool::setSchema);
        pool.setMaximumPoolSize(poolSize(db));
        // Short: the concurrency limit lets at most four requests per connection in, and a transaction
        // takes a round trip or two, so a healthy pool hands out a connection within milliseconds; a long
        // wait means the database is down or drowning, and the client deserves its 503 soon.
        pool.setConnectionTimeout(db.get("pool.timeout")
                .as(Duration.class)
                .orElse(Duration.ofSeconds(2))
                .toMillis());
        Database database = new Database(new HikariDataSource(pool), embedded, telemetry);
        if (db.get("migrate").asBoolean().orElse(true)) {
            database.migrate();
        }
        return database;
    }

    /** Wraps an existing pool without migrating (tests that need an unreachable database). */
    public static Database wrap(HikariDataSource dataSource) {
        return new Database(dataSource, false, OpenTelemetry.noop());
    }

    /** The pool size configured for {@code db}; the HTTP concurrency limit is derived from it. */
    public static int poolSize(Config db) {
        return db.get("pool.size").asInt().orElse(10);
    }

    private static String embeddedUrl() {
        // A unique name per Database keeps parallel test servers apart; DB_CLOSE_DELAY keeps the
        // in-memory database alive while the pool briefly has no open connection.
        return "jdbc:h2:mem:antigravity-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private void migrate() {
        var flyway =
                Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).javaMigrations(new OrderIdSequence());
        if (dataSource.getSchema() != null) {
            flyway.schemas(dataSource.getSchema()).defaultSchema(dataSource.getSchema());
        }
        var result = flyway.load().migrate();
        LOG.log(
                System.Logger.Level.INFO,
                "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                        + " migrations applied)" + (embedded ? " on embedded H2" : ""));
    }

    public DbClient dbClient() {
        return dbClient;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public int maxPoolSize() {
        return dataSource.getMaximumPoolSize();
    }

    public boolean embedded() {
        return embedded;
    }

    /**
     * Whether {@code SELECT 1} succeeds within {@code timeout}. Bounded on the wall clock (not
     * only by the JDBC query timeout) because obtaining a connection from an unreachable host can
     * block far longer than a load balancer's health-check timeout.
     */
    public boolean ping(Duration timeout) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread probe = Thread.ofVirtual().name("db-ping").start(() -> {
            try {
                result.complete(selectOne(timeout));
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Database ping failed", e);
                result.complete(false);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            probe.interrupt();
            return false;
        } catch (InterruptedException e) {
            probe.interrupt();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean selectOne(Duration timeout) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            return statement.execute("SELECT 1");
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
