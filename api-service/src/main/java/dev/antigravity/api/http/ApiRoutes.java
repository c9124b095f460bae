package dev.antigravity.api.http;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.http.resource.AdminHttpService;
import dev.antigravity.api.http.resource.OrdersHttpService;
import dev.antigravity.api.http.resource.PaymentsHttpService;
import dev.antigravity.api.http.resource.ProductsHttpService;
import dev.antigravity.api.http.resource.UsersHttpService;
import dev.antigravity.api.jobs.PeriodicJob;
import dev.antigravity.api.metrics.EmfCounts;
import dev.antigravity.api.metrics.EmfWriter;
import dev.antigravity.api.notify.Notifications;
import dev.antigravity.api.payment.PaymentProviders;
import dev.antigravity.api.service.DomainServices;
import dev.antigravity.api.service.OrderRules;
import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRouting;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place where the domain resources under {@code /api} are registered. Everything else
 * (filters, health, OpenAPI, error handling) is wired by {@link ApiServer}; the route registry
 * test discovers routes by recording this wiring, so a resource registered here is automatically
 * checked against openapi.yaml.
 */
public final class ApiRoutes {
    private ApiRoutes() {}

    /**
     * Builds the domain services, the payment provider and the background jobs, once, and returns
     * what registers them with their routes: the route table is recorded from it, and the server
     * then registers the same instances (RoutingWiredOnceTest).
     */
    public static Consumer<HttpRouting.Builder> wiring(AppContext app) {
        Config orders = app.config().get("orders");
        PaymentProviders provider = PaymentProviders.from(app.config().get("payments"), app.clock(), app.telemetry());
        DomainServices services = DomainServices.create(
                app.database().dbClient(),
                app.clock(),
                app.metrics(),
                OrderRules.from(orders),
                provider.gateway(),
                provider.currency(),
                app.cache(),
                EmfCounts.ordersProcessed(app.emf(), EmfWriter.service(app.config())),
                EmfCounts.paymentFailures(app.emf(), EmfWriter.service(app.config())),
                app.config().get("payments.records"));
        // Every task sweeps; the conditional status update makes concurrent sweeps harmless.
        PeriodicJob expiry = new PeriodicJob(
                "order-expiry",
                orders.get("sweep").as(Duration.class).orElse(Duration.ofMinutes(1)),
                app.telemetry(),
                services.orders()::expireUnpaid);
        PeriodicJob paymentRetry = new PeriodicJob(
                "payment-retry",
                app.config().get("payments.retry").as(Duration.class).orElse(Duration.ofMinutes(1)),
                app.telemetry(),
                services.payments()::retry);
        List<JobLifecycle> lifecycles = List.of(
                new JobLifecycle(expiry),
                new JobLifecycle(paymentRetry),
                JobLifecycle.closing(services), // the payments' pending records written
                new JobLifecycle(Notifications.deliveryJob(
                        app.config().get("notifications"), app.database().dbClient(), app.clock(), app.telemetry())));
        UsersHttpService usersService = new UsersHttpService(services.users());
        ProductsHttpService productsService = new ProductsHttpService(services.products());
        OrdersHttpService ordersService = new OrdersHttpService(services.orders(), services.payments());
        PaymentsHttpService paymentsService = new PaymentsHttpService(services.payments(), provider.webhooks());
        AdminHttpService adminService = new AdminHttpService(services.admin(), app.clock());
        return routing -> {
            lifecycles.forEach(routing::register);
            routing.register("/api/users", usersService)
                    .register("/api/products", productsService)
                    .register("/api/orders", ordersService)
                    .register("/api/payments", paymentsService)
                    .register("/api/admin", adminService);
        };
    }
}
