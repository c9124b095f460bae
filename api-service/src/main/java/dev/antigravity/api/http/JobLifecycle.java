package dev.antigravity.api.http;

import dev.antigravity.api.jobs.PeriodicJob;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * Ties a background job (or something to close) to the server's life: Helidon calls {@link #beforeStart()} and
 * {@link #afterStop()} on registered services, so the job runs exactly while the server does
 * (and not while {@link RouteTable} merely records the routes). Registers no routes.
 */
final class JobLifecycle implements HttpService {
    private static final System.Logger LOG = System.getLogger(JobLifecycle.class.getName());

    private final Runnable start;
    private final AutoCloseable stop;

    JobLifecycle(PeriodicJob job) {
        this(job::start, job);
    }

    private JobLifecycle(Runnable start, AutoCloseable stop) {
        this.start = start;
        this.stop = stop;
    }

    /**
     * Closes {@code resource} when the server stops: after its listeners stopped, and before
     * {@code GracefulShutdown} closes the database pool, so what it closes may still write.
     */
    static JobLifecycle closing(AutoCloseable resource) {
        return new JobLifecycle(() -> {}, resource);
    }

    @Override
    public void routing(HttpRules rules) {
        // no routes: this service only follows the server's lifecycle
    }

    @Override
    public void beforeStart() {
        start.run();
    }

    @Override
    public void afterStop() {
        try {
            stop.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Closing " + stop + " at shutdown failed: " + e, e);
        }
    }
}
