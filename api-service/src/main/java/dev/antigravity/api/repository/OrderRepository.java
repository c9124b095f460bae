package dev.antigravity.api.repository;

import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderItem;
import dev.antigravity.api.model.OrderLine;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Orders and their lines. */
public final class OrderRepository {
    private static final String COLUMNS = "id, customer_subject, status, total, created_at, updated_at";
    private static final String LINE_COLUMNS = "order_id, line_no, product_id, product_name, quantity, unit_price";
    private static final NamedStatement INSERT = NamedStatement.of(
            "INSERT INTO orders (id, customer_subject, status, total, created_at, updated_at, created_on) "
                    + "VALUES (:id, :customer, :status, 0, :now, :now, :day)");
    private static final NamedStatement TOTAL = NamedStatement.of(
            "UPDATE orders SET total = (SELECT SUM(quantity * unit_price) FROM order_lines WHERE order_id = :id) "
                    + "WHERE id = :id");
    /** One line, named and priced by its product's row; no such product, a NULL name refused by NOT NULL. */
    private static final String LINE =
            "(?, ?, ?, (SELECT name FROM products WHERE id = ?), ?, (SELECT price FROM products WHERE id = ?))";

    /**
     * A new PENDING order of {@code customer} with the id drawn for it ({@link OrderIds}). Its total is the sum of
     * its lines, which can only be written after it (they refer to it), so the row starts at zero and {@link
     * #priced} sets it in the same transaction: nobody else ever sees the zero.
     */
    public Sql insert(long id, String customer, Instant now) {
        return INSERT.write(Map.of(
                "id",
                id,
                "customer",
                customer,
                "status",
                OrderStatus.PENDING.name(),
                "now",
                Times.utc(now),
                "day",
                LocalDate.ofInstant(now, ZoneOffset.UTC)));
    }

    /**
     * The order's lines (one statement however many), each with its product's name and price read by the
     * statement itself: within the order's transaction, after the reservation that updated and so locked that
     * product's row, they are the name and price the reservation returned. A product that does not exist fails the
     * statement, and with it the transaction.
     */
    public Sql lines(long orderId, List<OrderItem> items) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            OrderItem item = items.get(i);
            values.addAll(
                    List.of(orderId, i + 1, item.productId(), item.productId(), item.quantity(), item.productId()));
        }
        String rows = String.join(", ", Collections.nCopies(items.size(), LINE));
        return Sql.write("INSERT INTO order_lines (" + LINE_COLUMNS + ") VALUES " + rows, values);
    }

    /**
     * Sets the order's total to the sum of its lines. A total beyond NUMERIC(14, 2) fails the statement, and with it
     * the transaction; the service then tells the customer why.
     */
    public Sql priced(long orderId) {
        return TOTAL.write(Map.of("id", orderId));
    }

    public Optional<Order> findById(DbExecute db, long id) {
        return db.createGet("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                .addParam("id", id)
                .execute()
                .map(row -> withLines(row, linesOf(db, List.of(id)).getOrDefault(id, List.of())));
    }

    /** Newest first; only {@code customer}'s orders when present, everyone's otherwise. */
    public Page<Order> page(
            DbExecute db, Optional<String> customer, Optional<OrderStatus> status, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        customer.ifPresent(c -> {
            where.append(" AND customer_subject = :customer");
            params.put("customer", c);
        });
        status.ifPresent(s -> {
            where.append(" AND status = :status");
            params.put("status", s.name());
        });
        long total = Counts.of(db, "SELECT COUNT(*) AS total FROM orders" + where, params);
        params.put("limit", request.size());
        params.put("offset", request.offset());
        List<DbRow> rows = db.createQuery(
                        "SELECT " + COLUMNS + " FROM orders" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .execute()
                .toList();
        List<Long> ids = rows.stream().map(row -> Columns.longValue(row, "id")).toList();
        Map<Long, List<OrderLine>> lines = linesOf(db, ids);
        List<Order> orders = rows.stream()
                .map(row -> withLines(row, lines.getOrDefault(Columns.longValue(row, "id"), List.of())))
                .toList();
        return Page.of(orders, request, total);
    }

    /** Ids of orders still PENDING that were placed before {@code cutoff}, oldest first. */
    public List<Long> pendingPlacedBefore(DbExecute db, Instant cutoff, int limit) {
        return db.createQuery("SELECT id FROM orders WHERE status = :status AND created_at < :cutoff "
                        + "ORDER BY created_at, id LIMIT :limit")
                .addParam("status", OrderStatus.PENDING.name())
                .addParam("cutoff", Times.utc(cutoff))
                .addParam("limit", limit)
                .execute()
                .map(row -> Columns.longValue(row, "id"))
                .toList();
    }

    /**
     * Moves the order from {@code from} to {@code to} only if it is still in {@code from}; false
     * when someone else changed it first.
     */
    public boolean updateStatus(DbExecute db, long id, OrderStatus from, OrderStatus to, Instant now) {
        return db.createUpdate("UPDATE orders SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
                        .addParam("to", to.name())
                        .addParam("now", Times.utc(now))
                        .addParam("id", id)
                        .addParam("from", from.name())
                        .execute()
                == 1;
    }

    private static Map<Long, List<OrderLine>> linesOf(DbExecute db, List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        // One generated placeholder per id; the ids themselves are bound as parameters.
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < orderIds.size(); i++) {
            params.put("id" + i, orderIds.get(i));
        }
        String placeholders = params.keySet().stream().map(name -> ":" + name).collect(Collectors.joining(", "));
        Map<Long, List<OrderLine>> lines = new HashMap<>();
        db.createQuery("SELECT " + LINE_COLUMNS + " FROM order_lines WHERE order_id IN (" + placeholders
                        + ") ORDER BY order_id, line_no")
                .params(params)
                .execute()
                .forEach(row -> lines.computeIfAbsent(Columns.longValue(row, "order_id"), k -> new ArrayList<>())
                        .add(new OrderLine(
                                Columns.longValue(row, "product_id"),
                                Columns.string(row, "product_name"),
                                Columns.intValue(row, "quantity"),
                                Columns.decimal(row, "unit_price"))));
        return lines;
    }

    private static Order withLines(DbRow row, List<OrderLine> lines) {
        return new Order(
                Columns.longValue(row, "id"),
                Columns.string(row, "customer_subject"),
                OrderStatus.valueOf(Columns.string(row, "status")),
                Columns.decimal(row, "total"),
                List.copyOf(lines),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"));
    }
}
