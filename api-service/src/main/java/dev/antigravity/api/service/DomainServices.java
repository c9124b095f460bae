package dev.antigravity.api.service;

import java.time.Clock;

import dev.antigravity.api.repository.AuditRepository;
import dev.antigravity.api.repository.IdempotencyRepository;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import dev.antigravity.api.repository.OrderRepository;
import dev.antigravity.api.repository.ProductRepository;
import dev.antigravity.api.repository.StatsRepository;
import dev.antigravity.api.repository.UserRepository;

import io.helidon.dbclient.DbClient;
import io.helidon.metrics.api.MeterRegistry;

/** The domain services wired over one database; built once at start-up (and by tests). */
public record DomainServices(UserService users, ProductService products, OrderService orders, AdminService admin) {

    public static DomainServices create(DbClient db, Clock clock, MeterRegistry metrics) {
        return create(db, clock, metrics, OrderRules.DEFAULTS);
    }

    public static DomainServices create(DbClient db, Clock clock, MeterRegistry metrics, OrderRules orderRules) {
        AuditRepository auditLog = new AuditRepository();
        AuditTrail audit = new AuditTrail(auditLog);
        ProductRepository products = new ProductRepository();
        UserRepository users = new UserRepository();
        OrderNotifications notifications = new OrderNotifications(users, new NotificationOutboxRepository());
        return new DomainServices(
                new UserService(db, users, audit, clock),
                new ProductService(db, products, audit, clock),
                new OrderService(db, products, new OrderRepository(), new IdempotencyRepository(), audit,
                        notifications, new OrderMetrics(metrics), orderRules, clock),
                new AdminService(db, auditLog, new StatsRepository()));
    }
}
