package dev.antigravity.api.http;

import dev.antigravity.api.AppContext;
import io.helidon.webserver.http.HttpRouting;

/**
 * The one place where the domain resources under {@code /api} are registered. Everything else
 * (filters, health, OpenAPI, error handling) is wired by {@link ApiServer}; the route registry
 * test discovers routes by calling this method, so a resource registered here is automatically
 * checked against openapi.yaml.
 */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    public static void register(HttpRouting.Builder routing, AppContext app) {
        // Domain resources (http/resource/*HttpService) are registered here, e.g.
        // routing.register("/api/users", new UsersHttpService(...));
    }
}
