package dev.antigravity.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.model.Product;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.TestRedis;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * A task's invalidations over a real redis-server while many writers invalidate at once (their ids sent in shared
 * batches): each writer returns only once Redis dropped its entries, and a batch Redis refused leaves its products
 * owed, so this task answers them from the database, never from what Redis or its heap still hold, until the
 * batch was sent again.
 */
@ExtendWith(TestRedis.Required.class)
class RedisInvalidationTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final int WRITERS = 64;

    private final List<CatalogueCache> opened = new ArrayList<>();
    private final Map<Long, Product> rows = new ConcurrentHashMap<>();
    private RedisClient redis;
    private String prefix;
    private long firstId;

    @BeforeEach
    void open() {
        redis = TestRedis.client();
        prefix = TestRedis.uniquePrefix();
        firstId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    }

    @AfterEach
    void close() {
        opened.forEach(CatalogueCache::close);
        redis.close();
    }

    /**
     * Before each call the product's entry and generation are set behind the cache's back; once the call returned,
     * Redis must have dropped that entry and replaced that generation. A caller that returned on a batch sent before
     * its ids were added (or with no batch at all) finds them still there.
     */
    @Test
    void everyConcurrentWriterReturnsOnlyAfterRedisInvalidatedItsProducts() throws Exception {
        RedisCatalogueCache task = open(TestRedis.url(), Map.of());
        int perWriter = 40;
        List<String> notInvalidated = Collections.synchronizedList(new ArrayList<>());

        inParallel(WRITERS, writer -> {
            for (int i = 0; i < perWriter; i++) {
                long id = firstId + (long) writer * perWriter + i;
                redis.mset(entry(id), "stale", generation(id), "noted");
                task.productsChanged(List.of(id));
                List<String> after = redis.mget(entry(id), generation(id));
                if (after.get(0) != null || "noted".equals(after.get(1))) {
                    notInvalidated.add(id + " " + after);
                }
            }
        });

        assertThat(notInvalidated).isEmpty();
        // Each batch writes one token into every generation it replaces: fewer tokens than products means writers
        // shared batches (each product was changed once, so its generation is its one batch's token).
        Set<String> tokens = new HashSet<>();
        for (int from = 0; from < WRITERS * perWriter; from += 500) {
            int count = Math.min(500, WRITERS * perWriter - from);
            String[] keys = new String[count];
            for (int i = 0; i < count; i++) {
                keys[i] = generation(firstId + from + i);
            }
            tokens.addAll(redis.mget(keys));
        }
        assertThat(tokens).doesNotContainNull().hasSizeLessThan(WRITERS * perWriter);
    }

    /**
     * Redis refuses this task's scripts (its user loses {@code @scripting}; plain reads still work) while writers
     * invalidate products that Redis and this task's heap still hold. Every writer returns; reads of those products
     * must come from the database; once scripts are allowed again, the owed batch goes out before Redis is read.
     */
    @Test
    void aBatchRedisRefusedIsOwedAndNothingStaleIsReadUntilItIsSent() throws Exception {
        RedisTestUser user = new RedisTestUser(redis);
        try {
            // A short retry, so the owed batch, not the outage's pause of Redis reads, is what keeps reads away.
            RedisCatalogueCache task = open(user.url(), Map.of("retry", "PT0.001S"));
            Eventually.assertThat(
                    BOUND, () -> assertThat(task.invalidationClientId()).isNotEqualTo(-1));
            int products = WRITERS;
            for (int i = 0; i < products; i++) {
                long id = firstId + i;
                rows.put(id, product(id, "10.00"));
                Eventually.assertThat(BOUND, () -> {
                    read(task, id);
                    assertThat(task.keepsProduct(id)).isTrue();
                });
            }

            user.set("-@scripting");
            inParallel(products, writer -> {
                long id = firstId + writer;
                rows.put(id, product(id, "11.00"));
                task.productsChanged(List.of(id));
            });
            Thread.sleep(20); // past the retry: reads would try Redis again, were nothing owed
            for (int i = 0; i < products; i++) {
                long id = firstId + i;
                assertThat(read(task, id).price())
                        .as("product %d while owed", id)
                        .isEqualByComparingTo("11.00");
                assertThat(redis.get(entry(id)))
                        .as("Redis still holds the old entry")
                        .contains("10.00");
            }

            user.set("+@scripting");
            Thread.sleep(20);
            for (int i = 0; i < products; i++) {
                long id = firstId + i;
                assertThat(read(task, id).price())
                        .as("product %d once sent", id)
                        .isEqualByComparingTo("11.00");
            }
            for (int i = 0; i < products; i++) {
                assertThat(redis.get(entry(firstId + i)))
                        .satisfiesAnyOf(
                                entry -> assertThat(entry).isNull(),
                                entry -> assertThat(entry).contains("11.00"));
            }
        } finally {
            opened.forEach(CatalogueCache::close);
            opened.clear();
            user.close();
        }
    }

    /**
     * A generation must never go back to a value a slow reader may have noted: tokens differ between writes of one
     * task, between tasks, and between a task and its restarted self (a counter alone, or a prefix that is not
     * random per process, repeats them).
     */
    @Test
    void generationTokensNeverRepeatAcrossWritesTasksOrRestarts() {
        List<String> seen = new ArrayList<>();
        List<RedisCatalogueCache> tasks =
                new ArrayList<>(List.of(open(TestRedis.url(), Map.of()), open(TestRedis.url(), Map.of())));
        for (int life = 0; life < 2; life++) {
            for (int round = 0; round < 10; round++) {
                for (RedisCatalogueCache task : tasks) {
                    task.productsChanged(List.of(firstId));
                    seen.add(redis.get(generation(firstId)));
                }
            }
            tasks.getFirst().close();
            tasks.set(0, open(TestRedis.url(), Map.of()));
        }
        assertThat(seen).doesNotContainNull().doesNotHaveDuplicates().hasSize(40);
    }

    private RedisCatalogueCache open(String url, Map<String, String> overrides) {
        CatalogueCache cache = Caches.from(TestRedis.cacheConfig(url, prefix, overrides));
        opened.add(cache);
        return (RedisCatalogueCache) cache;
    }

    private Product read(CatalogueCache task, long id) {
        return task.product(id, requested -> Optional.of(rows.get(requested))).orElseThrow();
    }

    /** Runs {@code work} for each of {@code threads} virtual threads (as requests run), released together. */
    private static void inParallel(int threads, ThrowingIntConsumer work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                done.add(pool.submit(() -> {
                    start.await();
                    work.accept(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    private interface ThrowingIntConsumer {
        void accept(int value) throws Exception;
    }

    private String entry(long id) {
        return prefix + "product:" + id;
    }

    private String generation(long id) {
        return prefix + "product:" + id + ":generation";
    }

    private static Product product(long id, String price) {
        Instant at = Instant.parse("2026-11-30T12:00:00Z");
        return new Product(id, "invalidation probe", "", new BigDecimal(price), 3, at, at);
    }
}
