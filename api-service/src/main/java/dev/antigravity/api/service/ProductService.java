package dev.antigravity.api.service;

import dev.antigravity.api.cache.CatalogueCache;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.ProductDraft;
import dev.antigravity.api.model.ProductQuery;
import dev.antigravity.api.repository.Constraints;
import dev.antigravity.api.repository.ProductRepository;
import dev.antigravity.api.repository.Transactions;
import io.helidon.dbclient.DbClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue: public reads (through the catalogue cache when there is one), administrator
 * writes (the repository reports them to the cache once committed).
 */
public final class ProductService {
    /** NUMERIC(12, 2): ten digits before the decimal point. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    public static final int MAX_STOCK = 1_000_000_000;

    private final DbClient db;
    private final Transactions transactions;
    private final ProductRepository products;
    private final AuditTrail audit;
    private final Clock clock;
    private final CatalogueCache cache;

    public ProductService(
            DbClient db, ProductRepository products, AuditTrail audit, Clock clock, CatalogueCache cache) {
        this.db = db;
        this.cache = cache;
        this.transactions = new Transactions(db);
        this.products = products;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Product> list(ProductQuery query) {
        return cache.page(query, q -> products.page(db.execute(), q));
    }

    public Product get(long id) {
        return cache.product(id, i -> products.findById(db.execute(), i)).orElseThrow(() -> notFound(id));
    }

    public Product create(Actor actor, ProductInput input) {
        ProductDraft draft = validate(input);
        Instant now = Clocks.now(clock);
        return transactions.inTransaction(tx -> {
            Product created = products.insert(tx, draft, now);
            audit.record(tx, actor, "PRODUCT_CREATED", "product", created.id(), details(draft), now);
            return created;
        });
    }

    public Product replace(Actor actor, long id, ProductInput input) {
        ProductDraft draft = validate(input);
        Instant now = Clocks.now(clock);
        return transactions.inTransaction(tx -> {
            if (!products.update(tx, id, draft, now)) {
                throw notFound(id);
            }
            audit.record(tx, actor, "PRODUCT_UPDATED", "product", id, details(draft), now);
            return products.findById(tx, id).orElseThrow(() -> notFound(id));
        });
    }

    public void delete(Actor actor, long id) {
        Instant now = Clocks.now(clock);
        try {
            transactions.inTransaction(tx -> {
                Product existing = products.findById(tx, id).orElseThrow(() -> notFound(id));
                // A concurrent delete may win between the read and this statement: then this one
                // deleted nothing and must neither be audited nor reported as done.
                if (!products.delete(tx, id)) {
                    throw notFound(id);
                }
                audit.record(tx, actor, "PRODUCT_DELETED", "product", id, Map.of("name", existing.name()), now);
                return existing;
            });
        } catch (RuntimeException e) {
            if (Constraints.isForeignKeyViolation(e)) {
                throw ServiceException.conflict("Product " + id + " is part of existing orders and cannot be deleted; "
                        + "set its stock to 0 to stop selling it.");
            }
            throw e;
        }
    }

    private static Map<String, Object> details(ProductDraft draft) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", draft.name());
        details.put("price", draft.price());
        details.put("stock", draft.stock());
        return details;
    }

    private static ServiceException notFound(long id) {
        return ServiceException.notFound("Product " + id + " does not exist.");
    }

    static ProductDraft validate(ProductInput input) {
        if (input == null) {
            throw ServiceException.malformed("A JSON object with name, price and stock is required.");
        }
        Validation v = new Validation();
        v.text(input.name(), "name", 200);
        String description = input.description() == null ? "" : input.description();
        v.freeText(description, "description", 2000);
        BigDecimal price = input.price();
        if (v.check(price != null, "price", "is required")) {
            v.check(price.signum() > 0, "price", "must be greater than 0");
            v.check(price.stripTrailingZeros().scale() <= 2, "price", "must have at most 2 decimal places");
            v.check(price.compareTo(MAX_PRICE) <= 0, "price", "must be at most " + MAX_PRICE);
        }
        Integer stock = input.stock();
        if (v.check(stock != null, "stock", "is required")) {
            v.check(stock >= 0, "stock", "must be 0 or more");
            v.check(stock <= MAX_STOCK, "stock", "must be at most " + MAX_STOCK);
        }
        v.throwIfInvalid();
        return new ProductDraft(input.name(), description, price.setScale(2), stock);
    }
}
