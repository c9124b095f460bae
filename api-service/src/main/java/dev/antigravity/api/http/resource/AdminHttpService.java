package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.service.AdminService;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/** {@code /api/admin}: the audit log, order statistics and sales analytics, for administrators only. */
public final class AdminHttpService implements HttpService {
    private static final int DEFAULT_STATS_DAYS = 30;
    private static final int DEFAULT_TOP = 5;
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

    private final AdminService admin;
    private final Clock clock;

    public AdminHttpService(AdminService admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/audit", this::audit).get("/stats/orders", this::orderStats).get("/analytics", this::analytics);
    }

    private void audit(ServerRequest req, ServerResponse res) {
        Actors.require(req, Role.ADMIN);
        RequestParams.allowOnly(req, RequestParams.PAGING);
        res.send(admin.auditLog(RequestParams.page(req)));
    }

    /** Per-day orders and revenue; {@code to} defaults to today (UTC), {@code from} to 30 days before it. */
    private void orderStats(ServerRequest req, ServerResponse res) {
        Actors.require(req, Role.ADMIN);
        RequestParams.allowOnly(req, Set.of("from", "to"));
        DayRange range = range(req);
        res.send(admin.ordersPerDay(range.from(), range.to()));
    }

    /** Sales analytics over the same default range as the statistics; {@code top} products (default 5). */
    private void analytics(ServerRequest req, ServerResponse res) {
        Actors.require(req, Role.ADMIN);
        RequestParams.allowOnly(req, Set.of("from", "to", "top"));
        DayRange range = range(req);
        int top = RequestParams.integer(req, "top", 1, AdminService.MAX_TOP).orElse(DEFAULT_TOP);
        res.send(admin.analytics(range.from(), range.to(), top));
    }

    /** {@code to} defaults to today (UTC), {@code from} to 30 days up to it. */
    private DayRange range(ServerRequest req) {
        LocalDate to = RequestParams.date(req, "to").orElseGet(() -> LocalDate.now(clock));
        LocalDate from = RequestParams.date(req, "from")
                .orElseGet(() -> latest(to.minusDays(DEFAULT_STATS_DAYS - 1), FIRST_DAY));
        return new DayRange(from, to);
    }

    private record DayRange(LocalDate from, LocalDate to) {}

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
