package dev.antigravity.api.repository;

import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.ProductDraft;
import dev.antigravity.api.model.ProductQuery;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Products table access, including the conditional stock updates orders rely on. Every statement
 * that changes a product reports its id to {@code changes} once the transaction committed (the
 * catalogue cache's invalidation), so no write path, present or future, can forget it.
 */
public final class ProductRepository {
    private static final List<String> COLUMN_LIST =
            List.of("id", "name", "description", "price", "stock", "created_at", "updated_at");
    private static final String COLUMNS = String.join(", ", COLUMN_LIST);
    /**
     * What a reservation returns: only what the order line records. The whole row would have its description
     * decoded and both timestamps parsed (a calendar each, in pgjdbc) for every line of every order, unused.
     */
    private static final List<String> TAKEN_COLUMNS = List.of("id", "name", "price");

    private static final NamedStatement RESERVE =
            NamedStatement.of("UPDATE products SET stock = stock - :quantity, updated_at = :now WHERE id = :id");
    private static final NamedStatement BY_ID =
            NamedStatement.of("SELECT " + COLUMNS + " FROM products WHERE id = :id");
    private static final char LIKE_ESCAPE = '!';

    private final Consumer<Set<Long>> changes;

    public ProductRepository() {
        this(ids -> {});
    }

    public ProductRepository(Consumer<Set<Long>> changes) {
        this.changes = changes;
    }

    public Product insert(DbExecute db, ProductDraft draft, Instant now) {
        long id = Inserts.returningId(
                db.createInsert("INSERT INTO products (name, description, price, stock, created_at, updated_at) "
                                + "VALUES (:name, :description, :price, :stock, :now, :now)")
                        .addParam("name", draft.name())
                        .addParam("description", draft.description())
                        .addParam("price", draft.price())
                        .addParam("stock", draft.stock())
                        .addParam("now", Times.utc(now)));
        changed(id);
        return new Product(id, draft.name(), draft.description(), draft.price(), draft.stock(), now, now);
    }

    public Optional<Product> findById(DbExecute db, long id) {
        return BY_ID.bind(db.createGet(BY_ID.sql()), Map.of("id", id)).execute().map(ProductRepository::product);
    }

    /** Replaces the product's content; false when there is no such product. */
    public boolean update(DbExecute db, long id, ProductDraft draft, Instant now) {
        return changed(
                id,
                db.createUpdate("UPDATE products SET name = :name, description = :description, price = :price, "
                                + "stock = :stock, updated_at = :now WHERE id = :id")
                        .addParam("name", draft.name())
                        .addParam("description", draft.description())
                        .addParam("price", draft.price())
                        .addParam("stock", draft.stock())
                        .addParam("now", Times.utc(now))
                        .addParam("id", id)
                        .execute());
    }

    public boolean delete(DbExecute db, long id) {
        return changed(
                id,
                db.createDelete("DELETE FROM products WHERE id = :id")
                        .addParam("id", id)
                        .execute());
    }

    /**
     * Takes {@code quantity} units in one statement; with fewer left, the stock's CHECK (never below zero) fails the
     * statement and with it the transaction, so concurrent orders can never oversell. Failing, rather than matching
     * no row, lets the statements after it in the same round trip count on it (the order's lines are written
     * without waiting to see what it returned). It returns the product as it is after the reservation (the name and
     * price of the order line). Read it with {@link #reserved}; no such product, no row.
     */
    public Sql reserveStock(long id, int quantity, Instant now) {
        return RESERVE.writeReturning(Map.of("quantity", quantity, "now", Times.utc(now), "id", id), TAKEN_COLUMNS);
    }

    /**
     * What {@link #reserveStock} took: the product's name and price at that moment; empty when there is
     * no such product. A reservation changed the product: caches forget it on commit.
     */
    public Optional<StockTaken> reserved(Pipeline.Result reservation) {
        Optional<StockTaken> taken = reservation
                .row()
                .map(row -> new StockTaken(
                        Columns.longValue(row, "id"), Columns.string(row, "name"), Columns.decimal(row, "price")));
        taken.ifPresent(t -> changed(t.productId()));
        return taken;
    }

    /** A product's stock taken for an order line, with what the line records of it. */
    public record StockTaken(long productId, String name, BigDecimal unitPrice) {}

    /** The product with {@code id}, for a {@link Pipeline}; read it with {@link #found}. */
    public Sql byId(long id) {
        return BY_ID.query(Map.of("id", id));
    }

    public static Optional<Product> found(Pipeline.Result query) {
        return query.row().map(ProductRepository::product);
    }

    public void releaseStock(DbExecute db, long id, int quantity, Instant now) {
        changed(
                id,
                db.createUpdate("UPDATE products SET stock = stock + :quantity, updated_at = :now WHERE id = :id")
                        .addParam("quantity", quantity)
                        .addParam("now", Times.utc(now))
                        .addParam("id", id)
                        .execute());
    }

    public Page<Product> page(DbExecute db, ProductQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        long total = Counts.of(db, "SELECT COUNT(*) AS total FROM products" + where, params);
        // Sort column and direction come from enums; id breaks ties so pages never overlap.
        String direction = query.direction().sql();
        String orderBy = " ORDER BY " + query.sort().expression() + " " + direction + ", id " + direction;
        params.put("limit", query.page().size());
        params.put("offset", query.page().offset());
        List<Product> products = db.createQuery(
                        "SELECT " + COLUMNS + " FROM products" + where + orderBy + " LIMIT :limit OFFSET :offset")
                .params(params)
                .execute()
                .map(ProductRepository::product)
                .toList();
        return Page.of(products, query.page(), total);
    }

    /** True when the statement changed the row; then the change is reported after the commit. */
    private boolean changed(long id, long rows) {
        if (rows == 1) {
            changed(id);
        }
        return rows == 1;
    }

    private void changed(long id) {
        Transactions.afterCommit(changes, id);
    }

    /** Builds the WHERE clause from constant fragments; values only ever travel as parameters. */
    private static String where(ProductQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        query.nameContains().ifPresent(name -> {
            where.append(" AND LOWER(name) LIKE :namePattern ESCAPE '")
                    .append(LIKE_ESCAPE)
                    .append('\'');
            params.put("namePattern", "%" + escapeLike(name.toLowerCase(Locale.ROOT)) + "%");
        });
        query.minPrice().ifPresent(min -> {
            where.append(" AND price >= :minPrice");
            params.put("minPrice", min);
        });
        query.maxPrice().ifPresent(max -> {
            where.append(" AND price <= :maxPrice");
            params.put("maxPrice", max);
        });
        query.inStock().ifPresent(inStock -> where.append(inStock ? " AND stock > 0" : " AND stock = 0"));
        return where.toString();
    }

    private static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static Product product(DbRow row) {
        return new Product(
                Columns.longValue(row, "id"),
                Columns.string(row, "name"),
                Columns.string(row, "description"),
                Columns.decimal(row, "price"),
                Columns.intValue(row, "stock"),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"));
    }
}
