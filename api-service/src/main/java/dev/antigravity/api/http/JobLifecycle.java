package dev.antigravity.api.http;

import dev.antigravity.api.jobs.PeriodicJob;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * Ties a background job to the server's life: Helidon calls {@link #beforeStart()} and
 * {@link #afterStop()} on registered services, so the job runs exactly while the server does
 * (and not while {@link RouteTable} merely records the routes). Registers no routes.
 */
final class JobLifecycle implements HttpService {
    private final PeriodicJob job;

    JobLifecycle(PeriodicJob job) {
        this.job = job;
    }

    @Override
    public void routing(HttpRules rules) {
        // no routes: this service only follows the server's lifecycle
    }

    @Override
    public void beforeStart() {
        job.start();
    }

    @Override
    public void afterStop() {
        job.close();
    }
}
