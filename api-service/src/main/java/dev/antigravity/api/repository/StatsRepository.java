package dev.antigravity.api.repository;

import dev.antigravity.api.model.DailyOrderStats;
import dev.antigravity.api.model.SalesAnalytics.DailySales;
import dev.antigravity.api.model.SalesAnalytics.ProductSales;
import io.helidon.dbclient.DbExecute;
import java.time.LocalDate;
import java.util.List;

/** Aggregates over orders (the indexes they use: V9__analytics_indexes.sql). */
public final class StatsRepository {
    private static final String PAID = "status IN ('PAID', 'SHIPPED')";

    /** How top products are ranked; the SQL comes from here, never from the client. */
    public enum Ranking {
        REVENUE("revenue DESC, units DESC"),
        UNITS("units DESC, revenue DESC");

        private final String orderBy;

        Ranking(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** Days in [from, to] that have orders, in date order; revenue counts paid and shipped orders. */
    public List<DailyOrderStats> ordersPerDay(DbExecute db, LocalDate from, LocalDate to) {
        return db.createQuery("SELECT created_on, COUNT(*) AS orders, "
                        + "SUM(CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled, "
                        + "SUM(CASE WHEN status IN ('PAID', 'SHIPPED') THEN total ELSE 0 END) AS revenue "
                        + "FROM orders WHERE created_on >= :from AND created_on <= :to "
                        + "GROUP BY created_on ORDER BY created_on")
                .addParam("from", from)
                .addParam("to", to)
                .execute()
                .map(row -> new DailyOrderStats(
                        Columns.date(row, "created_on"),
                        Columns.longValue(row, "orders"),
                        Columns.longValue(row, "cancelled"),
                        Columns.decimal(row, "revenue")))
                .toList();
    }

    /** Days in [from, to] that have orders, in date order, with their orders by current status. */
    public List<DailySales> salesPerDay(DbExecute db, LocalDate from, LocalDate to) {
        return db.createQuery("SELECT created_on, COUNT(*) AS placed, "
                        + "SUM(CASE WHEN " + PAID + " THEN 1 ELSE 0 END) AS paid, "
                        + "SUM(CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled, "
                        + "SUM(CASE WHEN status = 'EXPIRED' THEN 1 ELSE 0 END) AS expired, "
                        + "SUM(CASE WHEN " + PAID + " THEN total ELSE 0 END) AS revenue "
                        + "FROM orders WHERE created_on >= :from AND created_on <= :to "
                        + "GROUP BY created_on ORDER BY created_on")
                .addParam("from", from)
                .addParam("to", to)
                .execute()
                .map(row -> new DailySales(
                        Columns.date(row, "created_on"),
                        Columns.longValue(row, "placed"),
                        Columns.longValue(row, "paid"),
                        Columns.longValue(row, "cancelled"),
                        Columns.longValue(row, "expired"),
                        Columns.decimal(row, "revenue")))
                .toList();
    }

    /** The {@code limit} products that sold most in paid orders placed in [from, to]; ties by product id. */
    public List<ProductSales> topProducts(DbExecute db, LocalDate from, LocalDate to, Ranking ranking, int limit) {
        return db.createQuery("SELECT l.product_id, p.name, SUM(l.quantity) AS units, "
                        + "SUM(l.quantity * l.unit_price) AS revenue "
                        + "FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id "
                        + "WHERE o.created_on >= :from AND o.created_on <= :to AND o." + PAID + " "
                        + "GROUP BY l.product_id, p.name ORDER BY " + ranking.orderBy + ", l.product_id LIMIT :limit")
                .addParam("from", from)
                .addParam("to", to)
                .addParam("limit", limit)
                .execute()
                .map(row -> new ProductSales(
                        Columns.longValue(row, "product_id"),
                        Columns.string(row, "name"),
                        Columns.longValue(row, "units"),
                        Columns.decimal(row, "revenue")))
                .toList();
    }
}
