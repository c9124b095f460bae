package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.ADMIN;
import static dev.antigravity.api.service.Fixtures.customer;
import static dev.antigravity.api.service.Fixtures.problem;
import static dev.antigravity.api.service.Fixtures.product;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.cache.Caches;
import dev.antigravity.api.cache.CatalogueCache;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.metrics.EmfCacheMetrics;
import dev.antigravity.api.metrics.EmfCapture;
import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.ProductQuery;
import dev.antigravity.api.model.ProductSort;
import dev.antigravity.api.model.SortDirection;
import dev.antigravity.api.repository.ProductRepository;
import dev.antigravity.api.testsupport.LogCapture;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.api.testsupport.TestRedis;
import io.helidon.metrics.api.Metrics;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The catalogue cache over a real redis-server and PostgreSQL: reads are served from Redis, and
 * no write — product replaced or deleted, stock taken by an order or given back — leaves a stale
 * entry behind once it returned, even under concurrent readers and writers. Redis down or
 * answering garbage only costs speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({TestRedis.Required.class, TestDatabases.PostgresRequired.class})
class CatalogueCacheTest {
    private Database database;
    private String prefix;
    private CatalogueCache cache;
    private DomainServices services;
    private RedisClient redis;

    @BeforeAll
    void open() {
        database = TestDatabases.postgres();
        prefix = TestRedis.uniquePrefix();
        cache = Caches.from(TestRedis.cacheConfig(TestRedis.url(), prefix, Map.of()));
        services = wire(cache);
        redis = TestRedis.client();
    }

    @AfterAll
    void close() {
        cache.close();
        redis.close();
        database.close();
    }

    @Test
    void aProductIsServedFromRedisUntilAWriteChangesIt() {
        Product lamp = product(services, unique("lamp"), "10.00", 5);
        services.products().get(lamp.id());
        changeBehindTheServicesBack(lamp.id(), "99.00");

        assertThat(services.products().get(lamp.id()).price()).isEqualByComparingTo("10.00");
        services.products().replace(ADMIN, lamp.id(), new ProductInput(lamp.name(), "", new BigDecimal("12.00"), 5));
        assertThat(services.products().get(lamp.id()).price()).isEqualByComparingTo("12.00");
        assertThat(cache.status()).isEqualTo(CatalogueCache.Status.UP);
    }

    @Test
    void eachLookupIsReportedAsAHitOrAMissForTheHitRatio() {
        EmfCapture emf = new EmfCapture();
        CatalogueCache counted = Caches.from(
                TestRedis.cacheConfig(TestRedis.url(), TestRedis.uniquePrefix(), Map.of()),
                new EmfCacheMetrics(emf.aggregator(), "api-test"));
        CatalogueCache unreachable = Caches.from(
                TestRedis.cacheConfig("redis://127.0.0.1:1", prefix, Map.of()),
                new EmfCacheMetrics(emf.aggregator(), "api-test"));
        try {
            DomainServices task = wire(counted);
            String name = unique("globe");
            Product globe = product(task, name, "15.00", 2);
            task.products().get(globe.id());
            task.products().get(globe.id());
            task.products().list(query(name));
            task.products().list(query(name));
            wire(unreachable).products().get(globe.id());

            // In order within each Cache value (lines of different values are not ordered among themselves).
            List<EmfCapture.Point> points = emf.points(EmfCacheMetrics.CACHE_HIT);
            assertThat(points)
                    .filteredOn(point -> point.dimensions().get("Cache").equals("product"))
                    .extracting(EmfCapture.Point::value)
                    .containsExactly(0.0, 1.0, 0.0);
            assertThat(points)
                    .filteredOn(point -> point.dimensions().get("Cache").equals("page"))
                    .extracting(EmfCapture.Point::value)
                    .containsExactly(0.0, 1.0);
            assertThat(points).hasSize(5);
        } finally {
            counted.close();
            unreachable.close();
        }
    }

    @Test
    void everyStockChangeAndProductWriteRetiresTheEntriesAndPages() {
        String name = unique("kettle");
        Product kettle = product(services, name, "30.00", 10);
        assertThat(stockInPage(name)).isEqualTo(10);
        assertThat(services.products().get(kettle.id()).stock()).isEqualTo(10);

        Actor buyer = customer();
        Order order = Json.read(services.orders()
                .place(buyer, new OrderRequest(List.of(new OrderRequest.Line(kettle.id(), 3))), Optional.empty())
                .body());
        assertThat(services.products().get(kettle.id()).stock()).isEqualTo(7);
        assertThat(stockInPage(name)).isEqualTo(7);

        services.orders().changeStatus(buyer, order.id(), new StatusChange("CANCELLED"));
        assertThat(services.products().get(kettle.id()).stock()).isEqualTo(10);
        assertThat(stockInPage(name)).isEqualTo(10);

        Product added = product(services, name + "-twin", "31.00", 1);
        assertThat(page(name).items()).extracting(Product::id).containsExactly(kettle.id(), added.id());
        services.products().delete(ADMIN, added.id());
        assertThat(problem(() -> services.products().get(added.id())).status()).isEqualTo(404);
        assertThat(page(name).items()).extracting(Product::id).containsExactly(kettle.id());
    }

    /**
     * The cache-aside race, made to happen: a read loads the old row, a write commits and
     * invalidates, then the read stores what it loaded. The generation check must refuse it.
     */
    @Test
    void aReadThatLoadedBeforeAWriteCannotCacheTheOldRow() {
        String name = unique("clock");
        Product clock = product(services, name, "40.00", 4);
        ProductRepository rows = new ProductRepository();
        Runnable write = () ->
                services.products().replace(ADMIN, clock.id(), new ProductInput(name, "", new BigDecimal("41.00"), 4));

        Optional<Product> loadedBefore = cache.product(clock.id(), id -> {
            Optional<Product> old = rows.findById(database.dbClient().execute(), id);
            write.run();
            return old;
        });
        assertThat(loadedBefore.orElseThrow().price()).isEqualByComparingTo("40.00");
        assertThat(services.products().get(clock.id()).price()).isEqualByComparingTo("41.00");

        ProductQuery query = query(name);
        cache.page(query, q -> {
            Page<Product> old = rows.page(database.dbClient().execute(), q);
            services.products().replace(ADMIN, clock.id(), new ProductInput(name, "", new BigDecimal("42.00"), 4));
            return old;
        });
        assertThat(services.products().list(query).items().getFirst().price()).isEqualByComparingTo("42.00");
    }

    /**
     * One writer raises the price step by step while customers buy stock and readers read the
     * product and its page: no read that starts after a write returned may see an older price or
     * more stock than that write left.
     */
    @Test
    void underConcurrentWritesNoReadSeesWhatACompletedWriteReplaced() throws Exception {
        String name = unique("drill");
        Product drill = product(services, name, "100.00", 1_000_000);
        AtomicInteger pricesWritten = new AtomicInteger(100);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> stale = java.util.Collections.synchronizedList(new ArrayList<>());

        int writers = 1;
        int buyers = 4;
        int readers = 11;
        Races.race(writers + buyers + readers, task -> () -> {
            if (task < writers) {
                for (int price = 101; price <= 160; price++) {
                    services.products()
                            .replace(ADMIN, drill.id(), new ProductInput(name, "", new BigDecimal(price), 1_000_000));
                    pricesWritten.set(price);
                }
                writing.set(false);
            } else if (task < writers + buyers) {
                Actor buyer = customer();
                while (writing.get()) {
                    services.orders()
                            .place(
                                    buyer,
                                    new OrderRequest(List.of(new OrderRequest.Line(drill.id(), 1))),
                                    Optional.empty());
                }
            } else {
                while (writing.get()) {
                    int priceFloor = pricesWritten.get();
                    Product seen = task % 2 == 0
                            ? services.products().get(drill.id())
                            : services.products().list(query(name)).items().getFirst();
                    if (seen.price().intValue() < priceFloor) {
                        stale.add("price " + seen.price() + " after " + priceFloor + " was written");
                    }
                }
            }
            return null;
        });
        assertThat(stale).isEmpty();
        Product truth = new ProductRepository()
                .findById(database.dbClient().execute(), drill.id())
                .orElseThrow();
        assertThat(services.products().get(drill.id())).isEqualTo(truth);
        assertThat(services.products().list(query(name)).items()).containsExactly(truth);
        assertThat(truth.price()).isEqualByComparingTo("160");
    }

    /** Stock only falls here, so a read may never show more than what the completed orders left. */
    @Test
    void underConcurrentOrdersNoReadShowsStockAnOrderAlreadyTook() throws Exception {
        String name = unique("saw");
        int initialStock = 400;
        Product saw = product(services, name, "15.00", initialStock);
        AtomicInteger unitsSold = new AtomicInteger();
        List<String> stale = java.util.Collections.synchronizedList(new ArrayList<>());
        int buyers = 6;
        int perBuyer = 30;
        AtomicInteger buyersDone = new AtomicInteger();
        Races.race(buyers + 10, task -> () -> {
            if (task < buyers) {
                Actor buyer = customer();
                for (int i = 0; i < perBuyer; i++) {
                    services.orders()
                            .place(
                                    buyer,
                                    new OrderRequest(List.of(new OrderRequest.Line(saw.id(), 1))),
                                    Optional.empty());
                    unitsSold.incrementAndGet();
                }
                buyersDone.incrementAndGet();
            } else {
                while (buyersDone.get() < buyers) {
                    int ceiling = initialStock - unitsSold.get();
                    Product seen = task % 2 == 0
                            ? services.products().get(saw.id())
                            : services.products().list(query(name)).items().getFirst();
                    if (seen.stock() > ceiling) {
                        stale.add("stock " + seen.stock() + " after orders left " + ceiling);
                    }
                }
            }
            return null;
        });
        assertThat(stale).isEmpty();
        assertThat(services.products().get(saw.id()).stock()).isEqualTo(initialStock - buyers * perBuyer);
        assertThat(stockInPage(name)).isEqualTo(initialStock - buyers * perBuyer);
    }

    @Test
    void redisDownMeansTheDatabaseAnswersWithOneWarning() {
        CatalogueCache down = Caches.from(TestRedis.cacheConfig("redis://127.0.0.1:1", prefix, Map.of()));
        DomainServices withoutRedis = wire(down);
        String name = unique("rake");
        try (LogCapture logs = LogCapture.start()) {
            Product rake = product(withoutRedis, name, "9.00", 3);
            for (int i = 0; i < 20; i++) {
                assertThat(withoutRedis.products().get(rake.id())).isEqualTo(rake);
                assertThat(withoutRedis.products().list(query(name)).items()).containsExactly(rake);
            }
            withoutRedis.products().replace(ADMIN, rake.id(), new ProductInput(name, "", new BigDecimal("9.50"), 3));
            assertThat(withoutRedis.products().get(rake.id()).price()).isEqualByComparingTo("9.50");
            assertThat(cacheWarnings(logs)).hasSize(1).first().asString().contains("database answers");
        }
        assertThat(down.status()).isEqualTo(CatalogueCache.Status.DOWN);
        down.close();
    }

    @Test
    void garbageInRedisIsDroppedAndTheDatabaseAnswers() {
        String name = unique("hose");
        Product hose = product(services, name, "25.00", 2);
        String entry = prefix + "product:" + hose.id();
        try (LogCapture logs = LogCapture.start()) {
            for (String garbage : List.of(
                    "{not json",
                    "null",
                    "[]",
                    "{\"id\":" + hose.id() + "}",
                    "{\"id\":" + (hose.id() + 1) + ",\"name\":\"x\",\"description\":\"\",\"price\":1,\"stock\":1,"
                            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}")) {
                redis.set(entry, garbage);
                assertThat(services.products().get(hose.id())).as(garbage).isEqualTo(hose);
            }
            redis.del(entry);
            redis.lpush(entry, "not a string");
            assertThat(services.products().get(hose.id())).isEqualTo(hose);

            for (String wrongPage : List.of(
                    "{\"items\":[null],\"page\":0,\"size\":10,\"totalItems\":1,\"totalPages\":1}",
                    "{\"items\":[],\"page\":7,\"size\":10,\"totalItems\":0,\"totalPages\":0}")) {
                assertThat(page(name).items()).containsExactly(hose);
                for (String pageKey : redis.keys(prefix + "page:*")) {
                    redis.set(pageKey, wrongPage);
                }
                assertThat(page(name).items()).as(wrongPage).containsExactly(hose);
            }
            redis.del(prefix + "catalogue:generation");
            redis.lpush(prefix + "catalogue:generation", "garbage");
            assertThat(page(name).items()).containsExactly(hose);
            assertThat(page(name).items()).containsExactly(hose);
            assertThat(cacheWarnings(logs))
                    .isNotEmpty()
                    .allMatch(line -> line.contains("not a cached value") || line.contains("WRONGTYPE"));
        }
        // And the cache works again for this product: its entry is a real one now.
        assertThat(redis.get(entry)).contains("\"id\":" + hose.id());
    }

    /**
     * Redis refuses writes for a moment (CLIENT PAUSE WRITE; reads still answer), so a write's
     * invalidation times out: this task must not serve the entry Redis still holds, and must send
     * the invalidation it owes before it reads from Redis again.
     */
    @Test
    void anInvalidationRedisMissedIsSentBeforeRedisIsReadAgain() throws Exception {
        CatalogueCache quick = Caches.from(
                TestRedis.cacheConfig(TestRedis.url(), prefix, Map.of("timeout", "PT0.1S", "retry", "PT0.05S")));
        DomainServices task = wire(quick);
        String name = unique("ladder");
        Product ladder = product(task, name, "70.00", 6);
        assertThat(task.products().get(ladder.id()).price()).isEqualByComparingTo("70.00");

        // Paused long enough that a slow CI machine still writes and reads inside the pause.
        redis.sendCommand(Protocol.Command.CLIENT, "PAUSE", "3000", "WRITE");
        long pausedAt = System.nanoTime();
        task.products().replace(ADMIN, ladder.id(), new ProductInput(name, "", new BigDecimal("75.00"), 6));
        assertThat(task.products().get(ladder.id()).price()).isEqualByComparingTo("75.00");
        assertThat(redis.get(prefix + "product:" + ladder.id()))
                .as("Redis still holds the old entry")
                .contains("70.00");

        Thread.sleep(Math.max(0, 3100 - (System.nanoTime() - pausedAt) / 1_000_000));
        assertThat(task.products().get(ladder.id()).price()).isEqualByComparingTo("75.00");
        assertThat(task.products().get(ladder.id()).price()).isEqualByComparingTo("75.00");
        quick.close();
    }

    private DomainServices wire(CatalogueCache with) {
        return DomainServices.create(
                database.dbClient(), Clock.systemUTC(), Metrics.globalRegistry(), OrderRules.DEFAULTS, with);
    }

    private void changeBehindTheServicesBack(long id, String price) {
        database.dbClient()
                .execute()
                .createUpdate("UPDATE products SET price = :price WHERE id = :id")
                .addParam("price", new BigDecimal(price))
                .addParam("id", id)
                .execute();
    }

    private static ProductQuery query(String name) {
        return new ProductQuery(
                Optional.of(name),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ProductSort.ID,
                SortDirection.ASC,
                new PageRequest(0, 10));
    }

    private Page<Product> page(String name) {
        return services.products().list(query(name));
    }

    private int stockInPage(String name) {
        return page(name).items().getFirst().stock();
    }

    private static List<String> cacheWarnings(LogCapture logs) {
        return logs.atOrAbove(Level.WARNING).stream()
                .filter(line -> line.contains("dev.antigravity.api.cache"))
                .toList();
    }

    /** Orders come back as the JSON the API sends. */
    private static final class Json {
        static Order read(String body) {
            try {
                return dev.antigravity.api.config.Json.mapper().readValue(body, Order.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(body, e);
            }
        }
    }
}
