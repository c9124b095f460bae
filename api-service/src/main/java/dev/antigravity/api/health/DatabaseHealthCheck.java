package dev.antigravity.api.health;

import dev.antigravity.api.db.Database;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.time.Duration;

/** The database readiness check as a Helidon health check, for {@code /observe/health/ready}. */
public final class DatabaseHealthCheck implements HealthCheck {
    private final Database database;
    private final Duration timeout;

    public DatabaseHealthCheck(Database database, Duration timeout) {
        this.database = database;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder()
                .status(database.ping(timeout))
                .detail("timeoutMs", timeout.toMillis())
                .build();
    }
}
