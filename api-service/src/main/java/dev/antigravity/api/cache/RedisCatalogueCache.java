package dev.antigravity.api.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.ProductQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link CatalogueCache} in Redis (or Valkey), through Jedis.
 *
 * <p>Why a cached value never outlives the write that changed it, even when a read that loaded the
 * old row from the database stores it after the write: every entry has a generation key (one per
 * product, one for all pages), and a write replaces the generation with a token never used before
 * ({@link GenerationTokens}) and deletes the entry, after its transaction committed. A read that misses notes the generation
 * before it loads from the database and stores its result only if the generation is still the one
 * it noted (one Lua script, so the check and the store are atomic). A read that loaded before the
 * commit noted the generation before the write replaced it, so its store is refused; a read that
 * noted the new generation loaded after the commit. Page entries are keyed by the catalogue
 * generation, so one write retires every cached page at once (old pages expire by their TTL).
 * Generation keys have no TTL: under {@code volatile-lru} (ElastiCache's default) they are never
 * evicted, so a generation cannot silently go back to a value a slow reader noted.
 *
 * <p>What this task read from Redis is also kept in its heap ({@link NearCache}, {@code cache.near.size}
 * products), so a hit costs no round trip: Redis pushes every change of a key under the prefix to
 * this task's {@link InvalidationListener}, which drops the kept value, and this task drops what its
 * own writes changed as soon as Redis confirmed them. Another task's write is therefore seen here
 * once its invalidation push has arrived (README, "Catalogue cache"); the generation protocol above
 * is unchanged, since only values Redis holds are kept, and only under a reservation made before
 * they were read. Without the invalidation connection nothing is kept or answered from the heap.
 *
 * <p>When Redis fails, reads use the database ({@link CacheOutage}); an invalidation that fails is
 * kept and retried before this task reads from Redis again, so this task never serves what its own
 * write changed. Other tasks may serve such an entry until its TTL ends if Redis was unreachable
 * from the writer but not from them.
 */
public final class RedisCatalogueCache implements CatalogueCache {
    private static final System.Logger LOG = System.getLogger(RedisCatalogueCache.class.getName());
    /** Characters of cache entries kept with their decoded value (about 2 bytes each on the heap, twice). */
    private static final long DECODED_CHARS = 1L << 20;
    /** Reads a string key; a key of another type (not ours, garbage) is deleted and reads as absent. */
    private static final String TEXT = """
            local function text(key)
              local kind = redis.call('TYPE', key)['ok']
              if kind == 'string' then return redis.call('GET', key) end
              if kind ~= 'none' then redis.call('DEL', key) end
              return false
            end
            """;
    /** KEYS: entry, generation; ARGV: generation the reader noted ('' = none), TTL ms, value. */
    private static final String STORE_IF_GENERATION = TEXT + """
            if (text(KEYS[2]) or '') == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
              return 1
            end
            return 0""";
    /** KEYS: catalogue generation, then pairs of (entry, generation); ARGV: the new token. */
    private static final String INVALIDATE = """
            redis.call('SET', KEYS[1], ARGV[1])
            for i = 2, #KEYS, 2 do
              redis.call('DEL', KEYS[i])
              redis.call('SET', KEYS[i + 1], ARGV[1])
            end
            return #KEYS""";
    /**
     * KEYS: catalogue generation; ARGV: page key prefix, query digest. Returns {generation, page or nil}.
     * The page key is derived inside the script (one round trip), which a non-cluster Redis allows.
     */
    private static final String READ_PAGE = TEXT + """
            local generation = text(KEYS[1]) or ''
            return {generation, text(ARGV[1] .. generation .. ':' .. ARGV[2])}""";

    private final UnifiedJedis redis;
    private final CacheSettings settings;
    private final CacheOutage outage;
    private final CacheLookups lookups;
    /** Stricter than requests: an entry missing a field, or with a null one, is not something we stored. */
    private final ObjectMapper json = Json.mapper()
            .copy()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    private final JavaType productType = json.constructType(Product.class);
    private final JavaType pageType = json.getTypeFactory().constructType(new TypeReference<Page<Product>>() {});
    /**
     * Entry text already decoded, with its value: a hot product or page is read from Redis as the
     * same text again and again, and comparing text is far cheaper than parsing JSON. Keyed by the
     * whole text, so a changed entry (or garbage) is never answered from here; values are immutable.
     */
    private final Cache<String, Object> decoded = Caffeine.newBuilder()
            .maximumWeight(DECODED_CHARS)
            .weigher((String text, Object value) -> text.length())
            .build();

    private final NearCache near;
    private final InvalidationListener invalidations;
    private final GenerationTokens tokens = new GenerationTokens();
    /** This task's invalidations, concurrent writers' ids sent together ({@link #invalidate} sends each batch). */
    private final InvalidationBatches batches;

    private volatile Status lastStatus;
    private volatile long statusAt;

    RedisCatalogueCache(
            UnifiedJedis redis,
            CacheSettings settings,
            CacheLookups lookups,
            BiFunction<NearCache, CacheOutage, InvalidationListener> listener) {
        this.redis = redis;
        this.settings = settings;
        this.lookups = lookups;
        this.outage = new CacheOutage(settings.retry(), settings.warnInterval(), System::nanoTime);
        this.batches = new InvalidationBatches(this::invalidate, settings.invalidationLinger(), System::nanoTime);
        this.near = new NearCache(settings.nearSize());
        // Without its listener the near cache is never trusted: it keeps and answers nothing.
        // The same outage: Redis down is one WARNING per interval, whichever connection noticed it.
        this.invalidations = settings.nearSize() > 0 ? listener.apply(near, outage) : null;
        if (invalidations != null) {
            invalidations.start();
        }
    }

    @Override
    public Optional<Product> product(long id, LongFunction<Optional<Product>> load) {
        String entry = productKey(id);
        if (!readable()) {
            lookups.lookedUp(CacheLookups.Kind.product, false);
            return load.apply(id);
        }
        if (near.hit(entry) instanceof Product kept) {
            lookups.lookedUp(CacheLookups.Kind.product, true);
            return Optional.of(kept);
        }
        NearCache.Reservation reservation = near.reserve(entry);
        try {
            String generation = productGeneration(id);
            List<String> cached = attempt("read product " + id, () -> redis.mget(entry, generation));
            if (cached == null) {
                lookups.lookedUp(CacheLookups.Kind.product, false);
                return load.apply(id);
            }
            if (cached.get(0) != null) {
                Optional<Product> hit = decode(entry, cached.get(0), productType, product -> product.id() == id);
                if (hit.isPresent()) {
                    near.fill(entry, reservation, hit.get());
                    lookups.lookedUp(CacheLookups.Kind.product, true);
                    return hit;
                }
            }
            lookups.lookedUp(CacheLookups.Kind.product, false);
            Optional<Product> loaded = load.apply(id);
            loaded.ifPresent(product -> store(entry, generation, cached.get(1), settings.productTtl(), product));
            return loaded;
        } finally {
            near.release(entry, reservation);
        }
    }

    @Override
    public Page<Product> page(ProductQuery query, Function<ProductQuery, Page<Product>> load) {
        if (!readable()) {
            lookups.lookedUp(CacheLookups.Kind.page, false);
            return load.apply(query);
        }
        String digest = digest(query);
        String generationKey = catalogueGeneration();
        // A page is kept under its generation's key: a write replaces the generation, whose
        // invalidation retires every page kept with the old one.
        String keptGeneration = near.hit(generationKey) instanceof String kept ? kept : null;
        String keptEntry = keptGeneration == null ? null : pageKey(keptGeneration, digest);
        if (keptEntry != null && near.hit(keptEntry) instanceof Page<?> kept) {
            lookups.lookedUp(CacheLookups.Kind.page, true);
            @SuppressWarnings("unchecked") // only pages of products are kept under page keys
            Page<Product> page = (Page<Product>) kept;
            return page;
        }
        NearCache.Reservation generationReservation = keptGeneration == null ? near.reserve(generationKey) : null;
        NearCache.Reservation entryReservation = keptEntry == null ? null : near.reserve(keptEntry);
        try {
            return readPage(query, load, digest, generationReservation, keptEntry, entryReservation);
        } finally {
            near.release(generationKey, generationReservation);
            near.release(keptEntry, entryReservation);
        }
    }

    /**
     * The page read from Redis (the generation and the entry in one script), or loaded and stored;
     * kept in the near cache where a reservation made before the read allows it.
     */
    private Page<Product> readPage(
            ProductQuery query,
            Function<ProductQuery, Page<Product>> load,
            String digest,
            NearCache.Reservation generationReservation,
            String keptEntry,
            NearCache.Reservation entryReservation) {
        Object reply = attempt(
                "read page",
                () -> redis.eval(
                        READ_PAGE, List.of(catalogueGeneration()), List.of(settings.prefix() + "page:", digest)));
        if (!(reply instanceof List<?> pair) || pair.isEmpty() || !(pair.get(0) instanceof String generation)) {
            if (reply != null) {
                outage.failed("read page", new IllegalStateException("unexpected reply " + reply));
            }
            lookups.lookedUp(CacheLookups.Kind.page, false);
            return load.apply(query);
        }
        near.fill(catalogueGeneration(), generationReservation, generation);
        String entry = pageKey(generation, digest);
        if (pair.size() > 1 && pair.get(1) instanceof String value) {
            Optional<Page<Product>> hit = decode(
                    entry,
                    value,
                    pageType,
                    page -> page.page() == query.page().page()
                            && page.size() == query.page().size()
                            && page.items().stream().allMatch(Product.class::isInstance));
            if (hit.isPresent()) {
                if (entry.equals(keptEntry)) {
                    near.fill(entry, entryReservation, hit.get());
                }
                lookups.lookedUp(CacheLookups.Kind.page, true);
                return hit.get();
            }
        }
        lookups.lookedUp(CacheLookups.Kind.page, false);
        Page<Product> loaded = load.apply(query);
        store(entry, catalogueGeneration(), generation, settings.pageTtl(), loaded);
        return loaded;
    }

    @Override
    public void productsChanged(Collection<Long> ids) {
        batches.invalidate(ids);
    }

    /** Redis failing lately is DOWN; otherwise a PING, at most one per {@code cache.retry}. */
    @Override
    public Status status() {
        if (outage.bypassing()) {
            return Status.DOWN;
        }
        long now = System.nanoTime();
        Status known = lastStatus;
        if (known != null && now - statusAt < settings.retry().toNanos()) {
            return known;
        }
        String pong = attempt("ping", redis::ping);
        Status status = "PONG".equals(pong) ? Status.UP : Status.DOWN;
        statusAt = now;
        lastStatus = status;
        return status;
    }

    @Override
    public void close() {
        if (invalidations != null) {
            invalidations.close();
        }
        redis.close();
    }

    /** Redis' id of the connection the near cache's invalidations arrive on, or -1 (for tests). */
    long invalidationClientId() {
        return invalidations == null ? -1 : invalidations.clientId();
    }

    /** Whether the near cache would answer this product without Redis (for tests). */
    boolean keepsProduct(long id) {
        return near.hit(productKey(id)) instanceof Product;
    }

    /** One batch: replaces the catalogue's and these products' generations, deletes their entries; true if confirmed. */
    private boolean invalidate(Set<Long> ids) {
        List<String> keys = new ArrayList<>(1 + 2 * ids.size());
        keys.add(catalogueGeneration());
        for (long id : ids) {
            keys.add(productKey(id));
            keys.add(productGeneration(id));
        }
        Object done = attempt("invalidate products " + ids, () -> redis.eval(INVALIDATE, keys, List.of(tokens.next())));
        if (done == null) {
            return false;
        }
        // This task's next read must not wait for Redis' invalidation push to reach its listener.
        near.invalidate(catalogueGeneration());
        for (long id : ids) {
            near.invalidate(productKey(id));
        }
        return true;
    }

    /**
     * False when the database should answer: Redis failed lately (logged through the outage; reads
     * then bypass Redis a while) or an invalidation of this task's own writes is still owed to it
     * (then neither Redis nor the near cache may answer for the products it concerns).
     */
    private boolean readable() {
        return !outage.bypassing() && batches.settle();
    }

    /**
     * Writes to Redis are attempted even while reads bypass it: an invalidation must not wait.
     * Any failure of the client (JedisException, a pool problem, an unexpected reply type) only
     * costs the cache: the request goes on with the database.
     */
    private <T> T attempt(String what, Supplier<T> command) {
        try {
            T reply = command.get();
            outage.succeeded();
            return reply;
        } catch (RuntimeException e) {
            outage.failed(what, e);
            return null;
        }
    }

    private void store(String entry, String generationKey, String noted, Duration ttl, Object value) {
        String encoded;
        try {
            encoded = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue values always serialize", e);
        }
        attempt(
                "store " + entry,
                () -> redis.eval(
                        STORE_IF_GENERATION,
                        List.of(entry, generationKey),
                        List.of(noted == null ? "" : noted, Long.toString(ttl.toMillis()), encoded)));
    }

    /** A value that does not read back as what we store is dropped and reported, and the database answers. */
    @SuppressWarnings("unchecked") // the memo holds only values decoded as a type of the same raw class
    private <T> Optional<T> decode(String entry, String value, JavaType type, Predicate<T> plausible) {
        Object known = decoded.getIfPresent(value);
        if (type.getRawClass().isInstance(known) && plausible.test((T) known)) {
            return Optional.of((T) known);
        }
        try {
            T read = json.readValue(value, type);
            if (read != null && plausible.test(read)) {
                decoded.put(value, read);
                return Optional.of(read);
            }
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.DEBUG, "Undecodable cache entry " + entry, e);
        }
        outage.warn("read " + entry, new IllegalStateException("the entry is not a cached value; dropped"));
        attempt("drop " + entry, () -> redis.del(entry));
        return Optional.empty();
    }

    private String productKey(long id) {
        return settings.prefix() + "product:" + id;
    }

    private String pageKey(String generation, String digest) {
        return settings.prefix() + "page:" + generation + ":" + digest;
    }

    private String productGeneration(long id) {
        return settings.prefix() + "product:" + id + ":generation";
    }

    private String catalogueGeneration() {
        return settings.prefix() + "catalogue:generation";
    }

    /** The query's canonical text, hashed: filters carry client text of any length. */
    static String digest(ProductQuery query) {
        String canonical = String.join(
                "\u0000",
                query.nameContains().orElse("\u0001"),
                query.minPrice()
                        .map(p -> p.stripTrailingZeros().toPlainString())
                        .orElse(""),
                query.maxPrice()
                        .map(p -> p.stripTrailingZeros().toPlainString())
                        .orElse(""),
                query.inStock().map(String::valueOf).orElse(""),
                query.sort().name(),
                query.direction().name(),
                Integer.toString(query.page().page()),
                Integer.toString(query.page().size()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
