package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.ADMIN;
import static dev.antigravity.api.service.Fixtures.PAID;
import static dev.antigravity.api.service.Fixtures.customer;
import static dev.antigravity.api.service.Fixtures.fields;
import static dev.antigravity.api.service.Fixtures.problem;
import static dev.antigravity.api.service.Fixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.SalesAnalytics;
import dev.antigravity.api.model.SalesAnalytics.DailySales;
import dev.antigravity.api.model.SalesAnalytics.OrderCounts;
import dev.antigravity.api.model.SalesAnalytics.ProductSales;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sales analytics over seeded orders whose figures are worked out by hand, on both databases. */
class AnalyticsTest extends EngineTest {
    private static final LocalDate MARCH_1 = LocalDate.of(2031, 3, 1);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void figuresMatchTheOrdersPlaced(Engine engine) {
        DomainServices s = services(engine);
        Product a = product(s, "analytics-a", "10.00", 100);
        Product b = product(s, "analytics-b", "2.50", 100);
        Product c = product(s, "analytics-c", "100.00", 100);
        Actor buyer = customer();

        on(engine, MARCH_1);
        status(s, place(s, buyer, a, 2), PAID); // 20.00 paid
        Order shipped = place(s, buyer, b, 4); // 10.00 paid, then shipped
        status(s, shipped, PAID);
        status(s, shipped, new StatusChange("SHIPPED"));
        s.orders().changeStatus(buyer, place(s, buyer, c, 1).id(), new StatusChange("CANCELLED"));
        on(engine, MARCH_1.plusDays(2));
        status(s, place(s, buyer, a, 1, c, 1), PAID); // 110.00 paid
        place(s, buyer, b, 10); // pending
        Order refunded = place(s, buyer, a, 3); // paid, then cancelled
        status(s, refunded, PAID);
        status(s, refunded, new StatusChange("CANCELLED", "customer returned it"));
        on(engine, MARCH_1.plusDays(3));
        status(s, place(s, buyer, c, 5), PAID); // after the range

        SalesAnalytics report = s.admin().analytics(MARCH_1, MARCH_1.plusDays(2), 2);

        assertThat(report.orders()).isEqualTo(new OrderCounts(6, 3, 2, 0, 1));
        assertThat(report.revenue()).isEqualByComparingTo("140.00").hasToString("140.00");
        assertThat(report.averageOrderValue()).hasToString("46.67");
        assertThat(report.days())
                .containsExactly(
                        new DailySales(MARCH_1, 3, 2, 1, 0, new BigDecimal("30.00")),
                        new DailySales(MARCH_1.plusDays(1), 0, 0, 0, 0, new BigDecimal("0.00")),
                        new DailySales(MARCH_1.plusDays(2), 3, 1, 1, 0, new BigDecimal("110.00")));
        assertThat(report.topProductsByRevenue())
                .extracting(ProductSales::productId, ProductSales::units)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(c.id(), 1L),
                        org.assertj.core.groups.Tuple.tuple(a.id(), 3L));
        assertThat(report.topProductsByRevenue())
                .extracting(ProductSales::revenue)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("30"));
        assertThat(report.topProductsByUnits())
                .extracting(ProductSales::productId, ProductSales::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(b.id(), "analytics-b"),
                        org.assertj.core.groups.Tuple.tuple(a.id(), "analytics-a"));
        assertThat(report.paymentFailureRate()).isNull();
        assertThat(report.notes()).containsExactly(AdminService.NO_PAYMENTS);

        SalesAnalytics empty = s.admin().analytics(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 1), 5);
        assertThat(empty.orders()).isEqualTo(new OrderCounts(0, 0, 0, 0, 0));
        assertThat(empty.averageOrderValue()).isNull();
        assertThat(empty.topProductsByUnits()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rangesAndLimitsAreChecked(Engine engine) {
        DomainServices s = services(engine);
        assertThat(fields(problem(() -> s.admin().analytics(MARCH_1, MARCH_1.minusDays(1), 5))))
                .containsExactly("from");
        assertThat(fields(problem(() -> s.admin().analytics(MARCH_1, MARCH_1.plusDays(366), 5))))
                .containsExactly("to");
        assertThat(fields(problem(() -> s.admin().analytics(MARCH_1, MARCH_1, 0))))
                .containsExactly("top");
        assertThat(fields(problem(() -> s.admin().analytics(MARCH_1, MARCH_1, AdminService.MAX_TOP + 1))))
                .containsExactly("top");
    }

    private void on(Engine engine, LocalDate day) {
        wired(engine).clock().set(Instant.parse(day + "T10:00:00Z"));
    }

    private static Order place(DomainServices s, Actor buyer, Object... productAndQuantity) {
        List<OrderRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(
                    new OrderRequest.Line(((Product) productAndQuantity[i]).id(), (Integer) productAndQuantity[i + 1]));
        }
        try {
            return Json.mapper()
                    .readValue(
                            s.orders()
                                    .place(buyer, new OrderRequest(lines), Optional.empty())
                                    .body(),
                            Order.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static void status(DomainServices s, Order order, StatusChange change) {
        s.orders().changeStatus(ADMIN, order.id(), change);
    }
}
