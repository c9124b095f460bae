package dev.antigravity.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.model.Product;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.TestRedis;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The near cache over a real redis-server, as two API tasks see it: each is a cache instance with
 * its own connections on the same key prefix, over one "database" (a product held here). A hit is
 * answered from the heap without Redis; another task's write is seen once Redis' invalidation push
 * arrived; losing the invalidation connection never leaves a value behind that a write replaced.
 */
@ExtendWith(TestRedis.Required.class)
class NearCacheTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final List<CatalogueCache> opened = new ArrayList<>();
    private final AtomicReference<Product> row = new AtomicReference<>();
    private final AtomicInteger loads = new AtomicInteger();
    private RedisClient redis;
    private String prefix;
    private long id;

    @BeforeEach
    void open() {
        redis = TestRedis.client();
        prefix = TestRedis.uniquePrefix();
        id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        row.set(product("10.00"));
    }

    @AfterEach
    void close() {
        opened.forEach(CatalogueCache::close);
        redis.close();
    }

    /**
     * Redis is told to refuse every read command of the cache's user once the product is kept: a
     * read answered without the database and reported as a hit can then only come from the heap.
     */
    @Test
    void aHitIsAnsweredWithoutAskingRedis() {
        RedisTestUser user = new RedisTestUser(redis);
        try {
            AtomicBoolean lastWasHit = new AtomicBoolean();
            RedisCatalogueCache task = open(user.url(), Map.of("retry", "PT0.1S"), (kind, hit) -> lastWasHit.set(hit));
            awaitInvalidations(task);

            Eventually.assertThat(BOUND, () -> {
                user.set("+@all");
                read(task);
                read(task);
                user.set("-@read", "-@scripting");
                int loadsBefore = loads.get();

                assertThat(read(task).price()).isEqualByComparingTo("10.00");
                assertThat(loads.get()).as("the database was not asked").isEqualTo(loadsBefore);
                assertThat(lastWasHit.get()).as("reported as a hit").isTrue();
            });
        } finally {
            opened.forEach(CatalogueCache::close);
            opened.clear();
            user.close();
        }
    }

    @Test
    void aWriteThroughOneTaskIsSeenByTheOthersNextReadOnceItsInvalidationArrived() {
        RedisCatalogueCache reader = open(TestRedis.url(), Map.of(), CacheLookups.NONE);
        RedisCatalogueCache writer = open(TestRedis.url(), Map.of(), CacheLookups.NONE);
        awaitInvalidations(reader);
        keptBy(reader);

        row.set(product("11.00"));
        writer.productsChanged(List.of(id));

        Eventually.assertThat(BOUND, () -> assertThat(read(reader).price()).isEqualByComparingTo("11.00"));
        keptBy(reader);
        assertThat(read(reader).price()).isEqualByComparingTo("11.00");
    }

    /**
     * The invalidation connection is killed, and another task writes while it is gone, so its
     * push is never delivered: once the connection is back, the old value must not be answered.
     */
    @Test
    void aKilledInvalidationConnectionLeavesNoOldValueBehind() {
        RedisCatalogueCache reader = open(TestRedis.url(), Map.of("retry", "PT2S"), CacheLookups.NONE);
        RedisCatalogueCache writer = open(TestRedis.url(), Map.of(), CacheLookups.NONE);
        awaitInvalidations(reader);
        keptBy(reader);
        long killed = reader.invalidationClientId();

        redis.sendCommand(Protocol.Command.CLIENT, "KILL", "ID", Long.toString(killed));
        row.set(product("12.00"));
        writer.productsChanged(List.of(id));

        Eventually.assertThat(
                BOUND, () -> assertThat(reader.invalidationClientId()).isNotIn(-1L, killed));
        assertThat(read(reader).price()).isEqualByComparingTo("12.00");
    }

    @Test
    void aNearCacheOfSizeZeroKeepsNothing() {
        RedisCatalogueCache task = open(TestRedis.url(), Map.of("near.size", "0"), CacheLookups.NONE);
        read(task);
        read(task);
        read(task);

        assertThat(task.invalidationClientId()).isEqualTo(-1);
        assertThat(task.keepsProduct(id)).isFalse();
        assertThat(read(task).price()).isEqualByComparingTo("10.00");
    }

    private RedisCatalogueCache open(String url, Map<String, String> overrides, CacheLookups lookups) {
        CatalogueCache cache = Caches.from(TestRedis.cacheConfig(url, prefix, overrides), lookups);
        opened.add(cache);
        return (RedisCatalogueCache) cache;
    }

    private static void awaitInvalidations(RedisCatalogueCache task) {
        Eventually.assertThat(
                BOUND, () -> assertThat(task.invalidationClientId()).isNotEqualTo(-1));
    }

    /** Reads until the task keeps the product in its heap (the first read stores it in Redis, a later one keeps it). */
    private void keptBy(RedisCatalogueCache task) {
        Eventually.assertThat(BOUND, () -> {
            read(task);
            assertThat(task.keepsProduct(id)).isTrue();
        });
    }

    private Product read(CatalogueCache task) {
        return task.product(id, requested -> {
                    loads.incrementAndGet();
                    return Optional.of(row.get());
                })
                .orElseThrow();
    }

    private Product product(String price) {
        Instant at = Instant.parse("2026-11-30T12:00:00Z");
        return new Product(id, "near-cache probe", "", new BigDecimal(price), 3, at, at);
    }
}
