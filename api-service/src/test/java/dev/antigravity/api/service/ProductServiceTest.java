package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.ADMIN;
import static dev.antigravity.api.service.Fixtures.fields;
import static dev.antigravity.api.service.Fixtures.problem;
import static dev.antigravity.api.service.Fixtures.product;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.model.AuditEntry;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.ProductQuery;
import dev.antigravity.api.model.ProductSort;
import dev.antigravity.api.model.SortDirection;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProductServiceTest extends EngineTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createdProductIsReadBackExactlyAndAudited(Engine engine) {
        DomainServices s = services(engine);
        Product created = s.products().create(ADMIN, new ProductInput("Lamp", "Warm light", new BigDecimal("19.9"), 7));

        assertThat(s.products().get(created.id())).isEqualTo(created);
        assertThat(created.price()).isEqualByComparingTo("19.90").hasToString("19.90");
        AuditEntry entry = latestAudit(s);
        assertThat(entry.action()).isEqualTo("PRODUCT_CREATED");
        assertThat(entry.actor()).isEqualTo(ADMIN.subject());
        assertThat(entry.entityId()).isEqualTo(Long.toString(created.id()));
        assertThat(entry.correlationId()).isEqualTo(ADMIN.correlationId());
        assertThat(entry.details()).contains("\"name\":\"Lamp\"");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sqlMetacharactersAreStoredVerbatimAndSearchedLiterally(Engine engine) {
        DomainServices s = services(engine);
        String hostile = "x'); DROP TABLE products; -- %_!\\ \"" + unique("");
        Product created = s.products()
                .create(ADMIN, new ProductInput(hostile, "'; DELETE FROM users; --", new BigDecimal("1.00"), 1));

        assertThat(s.products().get(created.id()).name()).isEqualTo(hostile);
        Page<Product> found = s.products()
                .list(query(
                        Optional.of("DROP TABLE products; -- %_!"),
                        ProductSort.ID,
                        SortDirection.ASC,
                        new PageRequest(0, 10)));
        assertThat(found.items()).extracting(Product::id).contains(created.id());
        // % and _ match themselves only, not any text.
        Product plain = product(s, unique("plain"), "1.00", 1);
        assertThat(s.products()
                        .list(query(Optional.of("%"), ProductSort.ID, SortDirection.ASC, new PageRequest(0, 100)))
                        .items())
                .extracting(Product::id)
                .doesNotContain(plain.id());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void invalidProductsAreRejectedWithEveryFieldNamed(Engine engine) {
        DomainServices s = services(engine);
        ApiException missing = problem(() -> s.products().create(ADMIN, new ProductInput(null, null, null, null)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("name", "price", "stock");

        ApiException wrong = problem(() ->
                s.products().create(ADMIN, new ProductInput(" ", "d".repeat(2001), new BigDecimal("1.005"), -1)));
        assertThat(fields(wrong)).containsExactly("name", "description", "price", "stock");

        assertThat(fields(problem(() -> s.products()
                        .create(
                                ADMIN,
                                new ProductInput("n".repeat(201), "", BigDecimal.ZERO, ProductService.MAX_STOCK + 1)))))
                .containsExactly("name", "price", "stock");
        assertThat(fields(problem(() -> s.products()
                        .create(ADMIN, new ProductInput("tab\tname", "", new BigDecimal("10000000000.00"), 1)))))
                .containsExactly("name", "price");
        // PostgreSQL cannot store NUL in text: refused as input instead of failing as a 500.
        assertThat(fields(problem(() ->
                        s.products().create(ADMIN, new ProductInput("nul\u0000", "a\u0000b", BigDecimal.ONE, 1)))))
                .containsExactly("name", "description");
        // The PostgreSQL driver writes an unpaired surrogate as '?': refused rather than silently changed.
        assertThat(fields(problem(() ->
                        s.products().create(ADMIN, new ProductInput("x\uD800y", "line\n\uDC00", BigDecimal.ONE, 1)))))
                .containsExactly("name", "description");
        assertThat(s.products()
                        .create(ADMIN, new ProductInput("multi-line", "one\ntwo\tthree\r\n", BigDecimal.ONE, 1))
                        .description())
                .isEqualTo("one\ntwo\tthree\r\n");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void replaceAndDeleteChangeTheProductAndAreAudited(Engine engine) {
        DomainServices s = services(engine);
        Product original = product(s, unique("chair"), "10.00", 3);

        Product replaced = s.products()
                .replace(ADMIN, original.id(), new ProductInput("Better chair", "oak", new BigDecimal("12.50"), 4));
        assertThat(replaced)
                .extracting(Product::name, Product::description, Product::stock)
                .containsExactly("Better chair", "oak", 4);
        assertThat(replaced.price()).isEqualByComparingTo("12.50");
        assertThat(latestAudit(s).action()).isEqualTo("PRODUCT_UPDATED");

        s.products().delete(ADMIN, original.id());
        assertThat(latestAudit(s).action()).isEqualTo("PRODUCT_DELETED");
        assertThat(problem(() -> s.products().get(original.id())).status()).isEqualTo(404);
        assertThat(problem(() -> s.products().delete(ADMIN, original.id())).status())
                .isEqualTo(404);
        assertThat(problem(() -> s.products()
                                .replace(ADMIN, original.id(), new ProductInput("x", "", BigDecimal.ONE, 1)))
                        .status())
                .isEqualTo(404);
    }

    /** Found by hand on PostgreSQL: two of six concurrent DELETEs answered 204 and both were audited. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentDeletesDeleteAndAuditOnce(Engine engine) throws Exception {
        DomainServices s = services(engine);
        Product doomed = product(s, unique("doomed"), "1.00", 1);

        List<Object> results = Races.race(Races.THREADS, i -> () -> {
            try {
                s.products().delete(ADMIN, doomed.id());
                return "deleted";
            } catch (ServiceException e) {
                return Fixtures.status(e);
            }
        });

        assertThat(results).filteredOn("deleted"::equals).hasSize(1);
        assertThat(results).filteredOn(r -> !"deleted".equals(r)).containsOnly(404);
        List<AuditEntry> audit = s.admin().auditLog(new PageRequest(0, 100)).items();
        assertThat(audit)
                .filteredOn(e ->
                        e.action().equals("PRODUCT_DELETED") && e.entityId().equals(Long.toString(doomed.id())))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void failedWriteLeavesNoAuditEntry(Engine engine) {
        DomainServices s = services(engine);
        long before = s.admin().auditLog(new PageRequest(0, 1)).totalItems();
        problem(() -> s.products().replace(ADMIN, Long.MAX_VALUE, new ProductInput("x", "", BigDecimal.ONE, 1)));
        assertThat(s.admin().auditLog(new PageRequest(0, 1)).totalItems()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listingFiltersSortsAndPages(Engine engine) {
        DomainServices s = services(engine);
        String tag = unique("desk");
        Product cheap = product(s, tag + " small", "5.00", 0);
        Product middle = product(s, tag + " MEDIUM", "50.00", 2);
        Product dear = product(s, tag + " large", "500.00", 9);

        Optional<String> name = Optional.of(tag.toUpperCase());
        assertThat(s.products()
                        .list(query(name, ProductSort.PRICE, SortDirection.DESC, new PageRequest(0, 10)))
                        .items())
                .extracting(Product::id)
                .containsExactly(dear.id(), middle.id(), cheap.id());

        Page<Product> firstPage =
                s.products().list(query(name, ProductSort.PRICE, SortDirection.ASC, new PageRequest(0, 2)));
        assertThat(firstPage.items()).extracting(Product::id).containsExactly(cheap.id(), middle.id());
        assertThat(firstPage.totalItems()).isEqualTo(3);
        assertThat(firstPage.totalPages()).isEqualTo(2);
        assertThat(s.products()
                        .list(query(name, ProductSort.PRICE, SortDirection.ASC, new PageRequest(1, 2)))
                        .items())
                .extracting(Product::id)
                .containsExactly(dear.id());

        ProductQuery ranged = new ProductQuery(
                name,
                Optional.of(new BigDecimal("5.01")),
                Optional.of(new BigDecimal("500")),
                Optional.of(true),
                ProductSort.NAME,
                SortDirection.ASC,
                new PageRequest(0, 10));
        assertThat(s.products().list(ranged).items()).extracting(Product::id).containsExactly(dear.id(), middle.id());

        ProductQuery soldOut = new ProductQuery(
                name,
                Optional.empty(),
                Optional.empty(),
                Optional.of(false),
                ProductSort.ID,
                SortDirection.ASC,
                new PageRequest(0, 10));
        assertThat(s.products().list(soldOut).items()).extracting(Product::id).containsExactly(cheap.id());
    }

    private static ProductQuery query(
            Optional<String> name, ProductSort sort, SortDirection direction, PageRequest page) {
        return new ProductQuery(name, Optional.empty(), Optional.empty(), Optional.empty(), sort, direction, page);
    }

    private static AuditEntry latestAudit(DomainServices s) {
        return s.admin().auditLog(new PageRequest(0, 1)).items().getFirst();
    }
}
