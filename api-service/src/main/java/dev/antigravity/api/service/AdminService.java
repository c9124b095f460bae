package dev.antigravity.api.service;

import dev.antigravity.api.model.AuditEntry;
import dev.antigravity.api.model.DailyOrderStats;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.SalesAnalytics;
import dev.antigravity.api.model.SalesAnalytics.DailySales;
import dev.antigravity.api.model.SalesAnalytics.OrderCounts;
import dev.antigravity.api.repository.AuditRepository;
import dev.antigravity.api.repository.StatsRepository;
import io.helidon.dbclient.DbClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Administrator reads: the audit log, order statistics and sales analytics. */
public final class AdminService {
    /** One year and a leap day: enough for any yearly report, small enough to stay cheap. */
    public static final int MAX_STATS_DAYS = 366;
    /** Top products listed at most. */
    public static final int MAX_TOP = 50;
    /** Said in every report until payments are recorded (issue 12, payments). */
    static final String NO_PAYMENTS = "paymentFailureRate is null: this version records no payment attempts "
            + "(orders are marked PAID by an administrator), so there is no failure rate to report.";

    private final DbClient db;
    private final AuditRepository audit;
    private final StatsRepository stats;

    public AdminService(DbClient db, AuditRepository audit, StatsRepository stats) {
        this.db = db;
        this.audit = audit;
        this.stats = stats;
    }

    public Page<AuditEntry> auditLog(PageRequest page) {
        return audit.page(db.execute(), page);
    }

    /** One entry per day of [from, to], days without orders included with zeros. */
    public List<DailyOrderStats> ordersPerDay(LocalDate from, LocalDate to) {
        checkRange(from, to);
        Map<LocalDate, DailyOrderStats> found = stats.ordersPerDay(db.execute(), from, to).stream()
                .collect(Collectors.toMap(DailyOrderStats::day, Function.identity()));
        return from.datesUntil(to.plusDays(1))
                .map(day -> found.getOrDefault(day, new DailyOrderStats(day, 0, 0, BigDecimal.ZERO)))
                .map(day -> new DailyOrderStats(
                        day.day(), day.orders(), day.cancelled(), day.revenue().setScale(2)))
                .toList();
    }

    /**
     * Sales of the orders placed in [from, to]: counts by current status, revenue per day (every
     * day of the range), average order value, and the {@code top} best-selling products by revenue
     * and by units. Each figure is one SQL aggregate; the sums here only add up the days.
     */
    public SalesAnalytics analytics(LocalDate from, LocalDate to, int top) {
        checkRange(from, to);
        if (top < 1 || top > MAX_TOP) {
            throw ServiceException.invalid("top", "must be between 1 and " + MAX_TOP);
        }
        Map<LocalDate, DailySales> found = stats.salesPerDay(db.execute(), from, to).stream()
                .collect(Collectors.toMap(DailySales::day, Function.identity()));
        List<DailySales> days = from.datesUntil(to.plusDays(1))
                .map(day -> found.getOrDefault(day, new DailySales(day, 0, 0, 0, 0, BigDecimal.ZERO)))
                .map(day -> new DailySales(
                        day.day(),
                        day.placed(),
                        day.paid(),
                        day.cancelled(),
                        day.expired(),
                        day.revenue().setScale(2)))
                .toList();
        long placed = days.stream().mapToLong(DailySales::placed).sum();
        long paid = days.stream().mapToLong(DailySales::paid).sum();
        long cancelled = days.stream().mapToLong(DailySales::cancelled).sum();
        long expired = days.stream().mapToLong(DailySales::expired).sum();
        BigDecimal revenue =
                days.stream().map(DailySales::revenue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal average = paid == 0 ? null : revenue.divide(BigDecimal.valueOf(paid), 2, RoundingMode.HALF_UP);
        return new SalesAnalytics(
                from,
                to,
                new OrderCounts(placed, paid, cancelled, expired, placed - paid - cancelled - expired),
                revenue,
                average,
                days,
                stats.topProducts(db.execute(), from, to, StatsRepository.Ranking.REVENUE, top),
                stats.topProducts(db.execute(), from, to, StatsRepository.Ranking.UNITS, top),
                null,
                List.of(NO_PAYMENTS));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ServiceException.invalid("from", "must not be after 'to'");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_STATS_DAYS) {
            throw ServiceException.invalid("to", "the range may span at most " + MAX_STATS_DAYS + " days");
        }
    }
}
