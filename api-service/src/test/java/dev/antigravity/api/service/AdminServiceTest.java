package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.ADMIN;
import static dev.antigravity.api.service.Fixtures.customer;
import static dev.antigravity.api.service.Fixtures.fields;
import static dev.antigravity.api.service.Fixtures.problem;
import static dev.antigravity.api.service.Fixtures.product;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.model.DailyOrderStats;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdminServiceTest extends EngineTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ordersAndRevenuePerUtcDayIncludeEmptyDays(Engine engine) {
        Wired wired = wired(engine);
        DomainServices s = wired.services();
        // A day far from the other tests' orders, late enough that local time zones would differ.
        LocalDate day = LocalDate.of(2031, 3, 14);
        wired.clock().set(day.atTime(23, 30).toInstant(ZoneOffset.UTC));
        Product p = product(s, unique("p"), "10.00", 100);
        Actor customer = customer();
        long paid = place(s, customer, p, 2);
        long shipped = place(s, customer, p, 1);
        long cancelled = place(s, customer, p, 5);
        place(s, customer, p, 3);
        s.orders().changeStatus(ADMIN, paid, Fixtures.PAID);
        s.orders().changeStatus(ADMIN, shipped, Fixtures.PAID);
        s.orders().changeStatus(ADMIN, shipped, new StatusChange("SHIPPED"));
        s.orders().changeStatus(customer, cancelled, new StatusChange("CANCELLED"));
        wired.clock().advance(Duration.ofHours(1));
        place(s, customer, p, 1);

        List<DailyOrderStats> stats = s.admin().ordersPerDay(day.minusDays(1), day.plusDays(1));

        assertThat(stats)
                .containsExactly(
                        new DailyOrderStats(day.minusDays(1), 0, 0, new java.math.BigDecimal("0.00")),
                        new DailyOrderStats(day, 4, 1, new java.math.BigDecimal("30.00")),
                        new DailyOrderStats(day.plusDays(1), 1, 0, new java.math.BigDecimal("0.00")));
        wired.clock().set(Instant.now());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statsRangeIsValidated(Engine engine) {
        AdminService admin = services(engine).admin();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(fields(problem(() -> admin.ordersPerDay(today, today.minusDays(1)))))
                .containsExactly("from");
        assertThat(fields(problem(() -> admin.ordersPerDay(today.minusDays(AdminService.MAX_STATS_DAYS), today))))
                .containsExactly("to");
        assertThat(admin.ordersPerDay(today.minusDays(AdminService.MAX_STATS_DAYS - 1), today))
                .hasSize(AdminService.MAX_STATS_DAYS);
    }

    private static long place(DomainServices s, Actor customer, Product p, int quantity) {
        return s.orders()
                .place(customer, new OrderRequest(List.of(new OrderRequest.Line(p.id(), quantity))), Optional.empty())
                .orderId();
    }
}
