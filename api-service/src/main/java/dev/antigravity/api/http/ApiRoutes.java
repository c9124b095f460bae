package dev.antigravity.api.http;

import java.time.Duration;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.http.resource.AdminHttpService;
import dev.antigravity.api.http.resource.OrdersHttpService;
import dev.antigravity.api.http.resource.ProductsHttpService;
import dev.antigravity.api.http.resource.UsersHttpService;
import dev.antigravity.api.jobs.PeriodicJob;
import dev.antigravity.api.notify.Notifications;
import dev.antigravity.api.service.DomainServices;
import dev.antigravity.api.service.OrderRules;
import io.helidon.config.Config;
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
        Config orders = app.config().get("orders");
        DomainServices services = DomainServices.create(app.database().dbClient(), app.clock(), app.metrics(),
                OrderRules.from(orders));
        // Every task sweeps; the conditional status update makes concurrent sweeps harmless.
        PeriodicJob expiry = new PeriodicJob("order-expiry",
                orders.get("sweep").as(Duration.class).orElse(Duration.ofMinutes(1)), services.orders()::expireUnpaid);
        routing.register(new JobLifecycle(expiry))
                .register(new JobLifecycle(Notifications.deliveryJob(app.config().get("notifications"),
                        app.database().dbClient(), app.clock())))
                .register("/api/users", new UsersHttpService(services.users()))
                .register("/api/products", new ProductsHttpService(services.products()))
                .register("/api/orders", new OrdersHttpService(services.orders()))
                .register("/api/admin", new AdminHttpService(services.admin(), app.clock()));
    }
}
