package dev.antigravity.api.http;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.http.resource.AdminHttpService;
import dev.antigravity.api.http.resource.OrdersHttpService;
import dev.antigravity.api.http.resource.ProductsHttpService;
import dev.antigravity.api.http.resource.UsersHttpService;
import dev.antigravity.api.service.DomainServices;
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
        DomainServices services = DomainServices.create(app.database().dbClient(), app.clock(), app.metrics());
        routing.register("/api/users", new UsersHttpService(services.users()))
                .register("/api/products", new ProductsHttpService(services.products()))
                .register("/api/orders", new OrdersHttpService(services.orders()))
                .register("/api/admin", new AdminHttpService(services.admin(), app.clock()));
    }
}
