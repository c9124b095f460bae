package dev.antigravity.api.http;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.http.problem.ProblemErrorHandler;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;

/**
 * Wires the HTTP side of the service onto a server builder: JSON media, features (observe,
 * CORS, OpenAPI), the filter chain and the routes. Main and the server tests use this same
 * method, so tests exercise the production wiring.
 */
public final class ApiServer {
    private ApiServer() {
    }

    public static WebServerConfig.Builder configure(WebServerConfig.Builder server, AppContext app) {
        return server
                .mediaContext(media -> media.addMediaSupport(JacksonSupport.create(app.json())))
                .routing(routing -> routing(routing, app));
    }

    /** The routing: error handling, filters in order, then the routes. */
    public static void routing(HttpRouting.Builder routing, AppContext app) {
        routing.error(Throwable.class, new ProblemErrorHandler())
                .addFilter(new CorrelationIdFilter());
        ApiRoutes.register(routing, app);
    }
}
