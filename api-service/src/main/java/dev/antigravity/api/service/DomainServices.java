package dev.antigravity.api.service;

import java.time.Clock;

import dev.antigravity.api.cache.CatalogueCache;
import dev.antigravity.api.repository.AuditRepository;
import dev.antigravity.api.repository.IdempotencyRepository;
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
        return create(db, clock, metrics, orderRules, CatalogueCache.NONE);
    }

    /** Every product write, by whichever service, is reported to {@code cache} once committed. */
    public static DomainServices create(DbClient db, Clock clock, MeterRegistry metrics, OrderRules orderRules,
                                        CatalogueCache cache) {
        AuditRepository auditLog = new AuditRepository();
        AuditTrail audit = new AuditTrail(auditLog);
        ProductRepository products = new ProductRepository(cache::productsChanged);
        return new DomainServices(
                new UserService(db, new UserRepository(), audit, clock),
                new ProductService(db, products, audit, clock, cache),
                new OrderService(db, products, new OrderRepository(), new IdempotencyRepository(), audit,
                        new OrderMetrics(metrics), orderRules, clock),
                new AdminService(db, auditLog, new StatsRepository()));
    }
}
