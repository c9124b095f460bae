package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.CorrelationId;
import dev.antigravity.api.http.RequestPath;
import dev.antigravity.api.http.auth.Principal;
import dev.antigravity.api.metrics.RequestOutcome;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times each request around the rest of the chain and reports its {@link RequestOutcome} once the
 * status is known (after error handling, which runs inside the chain).
 */
public final class RequestOutcomeFilter implements Filter {
    private final RouteTemplate routes;
    private final List<Consumer<RequestOutcome>> listeners;

    public RequestOutcomeFilter(RouteTemplate routes, List<Consumer<RequestOutcome>> listeners) {
        this.routes = routes;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            RequestOutcome outcome = new RequestOutcome(
                    req.prologue().method().text(),
                    routes.of(req),
                    RequestPath.of(req),
                    res.status().code(),
                    Duration.ofNanos(System.nanoTime() - start),
                    CorrelationId.of(req),
                    Principal.current(req).map(Principal::subject).orElse(null));
            listeners.forEach(listener -> listener.accept(outcome));
        }
    }
}
