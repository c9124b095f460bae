package dev.antigravity.api.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.testsupport.TestDatabases.Engine;

import io.helidon.metrics.api.Metrics;

/**
 * The domain services over each database engine, opened on first use (so a test class that
 * only touches H2 never needs PostgreSQL) and closed with the test class.
 */
public final class EngineServices implements AutoCloseable {
    private final Map<Engine, Wired> wired = new EnumMap<>(Engine.class);

    public record Wired(Database database, DomainServices services, MutableClock clock) {
    }

    public synchronized Wired on(Engine engine) {
        return wired.computeIfAbsent(engine, e -> {
            Database database = e.open();
            MutableClock clock = new MutableClock(Instant.now());
            return new Wired(database, DomainServices.create(database.dbClient(), clock, Metrics.globalRegistry()), clock);
        });
    }

    @Override
    public synchronized void close() {
        wired.values().forEach(w -> w.database().close());
        wired.clear();
    }
}
