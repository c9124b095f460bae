package dev.antigravity.api.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.antigravity.api.model.AuditEntry;
import dev.antigravity.api.model.DailyOrderStats;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.repository.AuditRepository;
import dev.antigravity.api.repository.StatsRepository;

import io.helidon.dbclient.DbClient;

/** Administrator reads: the audit log and order statistics. */
public final class AdminService {
    /** One year and a leap day: enough for any yearly report, small enough to stay cheap. */
    public static final int MAX_STATS_DAYS = 366;

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
        if (from.isAfter(to)) {
            throw ServiceException.invalid("from", "must not be after 'to'");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_STATS_DAYS) {
            throw ServiceException.invalid("to", "the range may span at most " + MAX_STATS_DAYS + " days");
        }
        Map<LocalDate, DailyOrderStats> found = stats.ordersPerDay(db.execute(), from, to).stream()
                .collect(Collectors.toMap(DailyOrderStats::day, Function.identity()));
        return from.datesUntil(to.plusDays(1))
                .map(day -> found.getOrDefault(day, new DailyOrderStats(day, 0, 0, BigDecimal.ZERO)))
                .map(day -> new DailyOrderStats(day.day(), day.orders(), day.cancelled(), day.revenue().setScale(2)))
                .toList();
    }
}
