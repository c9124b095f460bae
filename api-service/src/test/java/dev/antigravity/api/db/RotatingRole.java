package dev.antigravity.api.db;

import dev.antigravity.api.testsupport.DefaultAwsCredentials;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.events.testing.MotoServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A PostgreSQL login role of its own, owning a schema of its own, whose password is kept in a moto Secrets
 * Manager secret (JSON {@code username} and {@code password}, as RDS keeps its master user's), and rotated the
 * way RDS rotates it: the role's password changes, then the secret's value. Shared servers: the role, schema and
 * secret carry a fresh suffix, and the role and schema are dropped on close.
 */
final class RotatingRole implements AutoCloseable {
    static final String PASSWORD_AUTH_GROUP = "antigravity_password_auth";

    private final TestDatabases.Endpoint admin;
    private final String name =
            "rot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String secretId = MotoServer.uniqueName("antigravity-test/db-credentials");
    private String password = newPassword();

    RotatingRole(TestDatabases.Endpoint admin) {
        this.admin = admin;
        DefaultAwsCredentials.ensure();
        // Members of antigravity_password_auth must give their password (scripts/local-services creates the group;
        // a Testcontainers PostgreSQL asks every login for its password and may lack it). The test user joins the
        // role to own its schema and end its sessions.
        execute("DO $$ BEGIN CREATE ROLE " + PASSWORD_AUTH_GROUP + " NOLOGIN;"
                + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
        execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "' IN ROLE " + PASSWORD_AUTH_GROUP);
        execute("GRANT " + name + " TO CURRENT_USER");
        execute("CREATE SCHEMA " + name + " AUTHORIZATION " + name);
        try (SecretsManagerClient secrets = MotoServer.client(SecretsManagerClient.builder())) {
            secrets.createSecret(r -> r.name(secretId).secretString(secretValue()));
        }
    }

    String name() {
        return name;
    }

    String password() {
        return password;
    }

    /** The {@code db} configuration of a pool that reads this role's credentials from the secret. */
    Map<String, String> secretSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", admin.url());
        settings.put("schema", name);
        settings.put("secret.id", secretId);
        settings.put("secret.region", MotoServer.region().id());
        settings.put("secret.endpoint", MotoServer.endpoint().toString());
        return settings;
    }

    /** The {@code db} configuration of a pool given this role's current password once (the old way). */
    Map<String, String> passwordSettings() {
        return new HashMap<>(Map.of("url", admin.url(), "schema", name, "username", name, "password", password));
    }

    /** RDS's single-user rotation: a new password for the role, then the secret's new value. */
    void rotate() {
        password = newPassword();
        execute("ALTER ROLE " + name + " PASSWORD '" + password + "'");
        try (SecretsManagerClient secrets = MotoServer.client(SecretsManagerClient.builder())) {
            secrets.putSecretValue(r -> r.secretId(secretId).secretString(secretValue()));
        }
    }

    /** Ends every session of the role (pg_terminate_backend), as a restart or failover would; how many it ended. */
    int terminateSessions() {
        try (Connection c = adminConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = ?")) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the sessions of " + name, e);
        }
    }

    /** Whether {@code candidate} logs in as the role now. */
    boolean acceptsPassword(String candidate) {
        try (Connection ignored = DriverManager.getConnection(admin.url(), name, candidate)) {
            return true;
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("cannot log in as " + name, e);
        }
    }

    private String secretValue() {
        return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}";
    }

    private static String newPassword() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(admin.url(), admin.user(), admin.password());
    }

    private void execute(String sql) {
        try (Connection c = adminConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run a statement for role " + name, e);
        }
    }

    /**
     * Drops the schema and the role once no pool holds a session of it. Best effort: an ended session still letting
     * go of its locks must not fail the test, and a left-over uniquely named schema is in nobody's way.
     */
    @Override
    public void close() {
        try {
            terminateSessions();
            execute("SET lock_timeout = '5s'; DROP SCHEMA IF EXISTS " + name + " CASCADE; DROP ROLE IF EXISTS " + name);
        } catch (IllegalStateException e) {
            System.err.println("left behind: " + e.getMessage() + " (" + e.getCause() + ")");
        }
    }
}
