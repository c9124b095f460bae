package dev.antigravity.api.repository;

import java.time.LocalDate;
import java.util.List;

import dev.antigravity.api.model.DailyOrderStats;

import io.helidon.dbclient.DbExecute;

/** Aggregates over orders. */
public final class StatsRepository {

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
                .map(row -> new DailyOrderStats(Columns.date(row, "created_on"),
                        Columns.longValue(row, "orders"),
                        Columns.longValue(row, "cancelled"),
                        Columns.decimal(row, "revenue")))
                .toList();
    }
}
