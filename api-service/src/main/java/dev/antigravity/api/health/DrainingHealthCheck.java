package dev.antigravity.api.health;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness turns DOWN as soon as shutdown begins, for {@code /observe/health/ready}. */
public final class DrainingHealthCheck implements HealthCheck {
    private final Drain drain;

    public DrainingHealthCheck(Drain drain) {
        this.drain = drain;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "draining";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder().status(!drain.draining()).build();
    }
}
