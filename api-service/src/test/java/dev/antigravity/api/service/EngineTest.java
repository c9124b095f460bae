package dev.antigravity.api.service;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import io.helidon.metrics.api.Metrics;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the tests parameterized over the database engines: the domain services over each
 * engine, opened on first use (a class touching only H2 never needs PostgreSQL), one database
 * per engine and test class, closed with the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineTest {
    private final Map<Engine, Wired> wired = new EnumMap<>(Engine.class);

    /** The services over one engine, with the clock they read. */
    record Wired(Database database, DomainServices services, MutableClock clock) {}

    protected synchronized Wired wired(Engine engine) {
        return wired.computeIfAbsent(engine, e -> {
            Database database = e.open();
            MutableClock clock = new MutableClock(Instant.now());
            return new Wired(
                    database, DomainServices.create(database.dbClient(), clock, Metrics.globalRegistry()), clock);
        });
    }

    protected DomainServices services(Engine engine) {
        return wired(engine).services();
    }

    @AfterAll
    synchronized void closeDatabases() {
        wired.values().forEach(w -> {
            w.services().close(); // its payment records written while the database is still open
            w.database().close();
        });
        wired.clear();
    }
}
