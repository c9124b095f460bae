package dev.antigravity.api.http.shutdown;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.health.Drain;
import dev.antigravity.api.logging.JsonLogging;
import dev.antigravity.api.metrics.EmfAggregator;
import io.helidon.webserver.WebServer;
import java.time.Duration;

/**
 * The SIGTERM sequence ECS and the ALB need: (1) readiness turns 503 so the target is
 * deregistered, (2) wait the drain delay while requests that are still routed here are served,
 * (3) stop the server: the listener closes (new connections are refused) and requests in flight
 * get the configured grace period ({@code server.shutdown-grace-period}) to finish, (4) close the
 * database pool, (5) write the EMF metrics still held in memory (the last requests' included), (6) wait until every log line is on standard output. Helidon's own shutdown hook is disabled because it would skip steps 1 and 2.
 */
public final class GracefulShutdown {
    private static final System.Logger LOG = System.getLogger(GracefulShutdown.class.getName());

    private final WebServer server;
    private final Drain drain;
    private final Duration drainDelay;
    private final Database database;
    private final EmfAggregator metrics;

    public GracefulShutdown(
            WebServer server, Drain drain, Duration drainDelay, Database database, EmfAggregator metrics) {
        this.server = server;
        this.drain = drain;
        this.drainDelay = drainDelay;
        this.database = database;
        this.metrics = metrics;
    }

    /** Runs {@link #run()} when the JVM is asked to exit (SIGTERM, SIGINT). */
    public void installHook() {
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("graceful-shutdown").unstarted(this::run));
    }

    public void run() {
        if (!drain.begin()) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "Shutdown requested: readiness is DOWN, draining for " + drainDelay);
        try {
            Thread.sleep(drainDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        database.close();
        metrics.close();
        LOG.log(System.Logger.Level.INFO, "Shutdown complete");
        JsonLogging.flush();
    }
}
