package dev.antigravity.api.cache;

import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.ProductQuery;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Cache-aside for the catalogue reads (a product by id, a page of products). The database stays
 * the truth: a read the cache cannot answer, for whatever reason, is loaded from it; every write
 * that changes a product's content or stock reports the product through {@link #productsChanged}
 * after its transaction committed, and from then on no read returns what was cached before.
 */
public interface CatalogueCache {
    /** No cache ({@code cache.url} empty): every read goes to the database. */
    CatalogueCache NONE = new CatalogueCache() {
        @Override
        public Optional<Product> product(long id, LongFunction<Optional<Product>> load) {
            return load.apply(id);
        }

        @Override
        public Page<Product> page(ProductQuery query, Function<ProductQuery, Page<Product>> load) {
            return load.apply(query);
        }

        @Override
        public void productsChanged(Collection<Long> ids) {}

        @Override
        public Status status() {
            return Status.DISABLED;
        }

        @Override
        public void close() {}
    };

    /** What health and readiness report: a cache that is DOWN degrades speed, never answers. */
    enum Status {
        UP,
        DOWN,
        DISABLED
    }

    /** The product, from the cache or else from {@code load} (whose result is then cached). */
    Optional<Product> product(long id, LongFunction<Optional<Product>> load);

    /** The page, from the cache or else from {@code load} (whose result is then cached). */
    Page<Product> page(ProductQuery query, Function<ProductQuery, Page<Product>> load);

    /** Called after a committed write changed these products (content, stock, existence). */
    void productsChanged(Collection<Long> ids);

    Status status();

    void close();
}
