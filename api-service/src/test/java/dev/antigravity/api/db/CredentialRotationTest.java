package dev.antigravity.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.http.problem.DatabaseProblems;
import dev.antigravity.api.model.ProductDraft;
import dev.antigravity.api.repository.ProductRepository;
import dev.antigravity.api.testsupport.SteadyLoad;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An RDS password rotation under load (issue 14), on PostgreSQL and moto's Secrets Manager: a role of its own
 * whose password is in a secret, callers on several threads reading through the service's pool, then mid-load the
 * role's password changes, the secret follows, and every session of the role is ended (pg_terminate_backend), so
 * every connection after it is a new login. Read through the secret, no call fails for its login; the only calls
 * that may fail are those that were on a connection the database ended — at most one per pooled connection.
 * A pool given the password once (the way before) fails every call once its connections are gone.
 */
class CredentialRotationTest {
    private static final int POOL = 4;
    private static final int CALLERS = 6;
    private static final int CALLS_PER_PHASE = 300;

    private final ProductRepository products = new ProductRepository();

    @Test
    void aRotationMidLoadFailsNoCallBeyondOnePerPooledConnection() {
        try (RotatingRole role = new RotatingRole(TestDatabases.postgresEndpoint());
                Database database = Database.create(config(role.secretSettings(), "PT60S"))) {
            assertThat(role.acceptsPassword("not-" + role.password()))
                    .as(
                            "PostgreSQL must check the passwords of %s members (scripts/local-services)",
                            RotatingRole.PASSWORD_AUTH_GROUP)
                    .isFalse();
            long id = products.insert(database.dbClient().execute(), draft(), Instant.now())
                    .id();
            String oldPassword = role.password();

            List<Exception> failures;
            int ended;
            try (SteadyLoad load = SteadyLoad.start(CALLERS, () -> read(database, id))) {
                load.awaitSuccesses(CALLS_PER_PHASE);
                role.rotate();
                ended = role.terminateSessions();
                long atRotation = load.successes();
                load.awaitSuccesses(atRotation + CALLS_PER_PHASE);
                failures = load.stop();
            }

            System.out.printf("rotation under load: %d sessions ended, %d calls failed%n", ended, failures.size());
            assertThat(role.acceptsPassword(oldPassword))
                    .as("the rotation changed the password")
                    .isFalse();
            assertThat(ended).as("sessions ended by the rotation").isBetween(1, POOL);
            assertThat(failures)
                    .as("calls failed, at most one per ended connection")
                    .hasSizeLessThanOrEqualTo(ended);
            assertThat(failures)
                    .as("every failure is a lost connection, none a refused login")
                    .allSatisfy(failure -> {
                        assertThat(DatabaseProblems.connectionFailure(failure)).isPresent();
                        assertThat(sqlStates(failure)).doesNotContain("28P01");
                    });
        }
    }

    @Test
    void aPasswordReadOnceFailsEveryNewConnectionAfterTheRotation() {
        try (RotatingRole role = new RotatingRole(TestDatabases.postgresEndpoint());
                Database database = Database.create(config(role.passwordSettings(), "PT0.5S"))) {
            long id = products.insert(database.dbClient().execute(), draft(), Instant.now())
                    .id();
            List<Exception> failures;
            try (SteadyLoad load = SteadyLoad.start(CALLERS, () -> read(database, id))) {
                load.awaitSuccesses(CALLS_PER_PHASE);
                role.rotate();
                role.terminateSessions();
                load.awaitFailures(3L * POOL);
                failures = load.stop();
            }
            assertThat(failures)
                    .anySatisfy(failure -> assertThat(sqlStates(failure)).contains("28P01"));
        }
    }

    private void read(Database database, long id) {
        if (products.findById(database.dbClient().execute(), id).isEmpty()) {
            throw new IllegalStateException("product " + id + " not found");
        }
    }

    private static ProductDraft draft() {
        return new ProductDraft("Rotation", "read under a password rotation", new BigDecimal("1.00"), 1);
    }

    /**
     * The role's {@code db} settings; the pool waits {@code poolTimeout} for a connection. The rotating pool waits
     * long so that a busy machine's slow logins never count as failures: what is counted is whether calls fail.
     */
    private static Config config(Map<String, String> settings, String poolTimeout) {
        settings.put("pool.size", String.valueOf(POOL));
        settings.put("pool.timeout", poolTimeout);
        return Config.just(ConfigSources.create(settings));
    }

    private static List<String> sqlStates(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
                .filter(SQLException.class::isInstance)
                .map(t -> ((SQLException) t).getSQLState())
                .filter(Objects::nonNull)
                .toList();
    }
}
