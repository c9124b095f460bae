package dev.antigravity.api.cache;

import io.helidon.config.Config;
import java.net.URI;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.util.JedisURIHelper;

/** Builds the catalogue cache {@code cache.*} describes: none without {@code cache.url}. */
public final class Caches {
    private static final System.Logger LOG = System.getLogger(Caches.class.getName());

    private Caches() {}

    /**
     * The cache for {@code cache} (the config node). No connection is made here (the near cache's
     * invalidation connection is opened on its own thread): a Redis that is down at start-up must
     * not stop the service, whose reads then go to the database.
     */
    public static CatalogueCache from(Config cache) {
        return from(cache, CacheLookups.NONE);
    }

    /** The same, telling {@code lookups} whether each read was a hit (the hit-ratio metric). */
    public static CatalogueCache from(Config cache, CacheLookups lookups) {
        String url = cache.get("url").asString().orElse("").trim();
        if (url.isEmpty()) {
            return CatalogueCache.NONE;
        }
        URI uri = URI.create(url);
        if (!JedisURIHelper.isValid(uri)
                || !(JedisURIHelper.isRedisScheme(uri) || JedisURIHelper.isRedisSSLScheme(uri))) {
            throw new IllegalArgumentException(
                    "cache.url must be redis://host:port or rediss://host:port, not " + uri.getScheme() + "://…");
        }
        CacheSettings settings = CacheSettings.from(cache, uri);
        LOG.log(
                System.Logger.Level.INFO,
                "Catalogue cache at " + uri.getHost() + ":" + uri.getPort()
                        + (JedisURIHelper.isRedisSSLScheme(uri) ? " (TLS)" : ""));
        HostAndPort address = JedisURIHelper.getHostAndPort(uri);
        // The invalidation connection waits a heartbeat for its XREAD's empty reply; a busy machine
        // may answer late, so it gives up only after two heartbeats and a time-out.
        JedisClientConfig tracking = clientConfig(uri, settings)
                .protocol(RedisProtocol.RESP3)
                .clientName("antigravity-api-invalidations")
                .socketTimeoutMillis(Math.toIntExact(settings.nearHeartbeat()
                        .multipliedBy(2)
                        .plus(settings.timeout())
                        .toMillis()))
                .build();
        return new RedisCatalogueCache(
                client(uri, settings),
                settings,
                lookups,
                (near, outage) -> new InvalidationListener(address, tracking, settings, near, outage));
    }

    private static RedisClient client(URI uri, CacheSettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        // A request waits for a pooled connection no longer than for Redis itself.
        pool.setMaxWait(settings.timeout());
        return RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(clientConfig(uri, settings).build())
                .poolConfig(pool)
                .build();
    }

    private static DefaultJedisClientConfig.Builder clientConfig(URI uri, CacheSettings settings) {
        int timeout = Math.toIntExact(settings.timeout().toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout)
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .clientName("antigravity-api");
        // The AUTH token comes from cache.password (Secrets Manager in ECS) or the URL's user info.
        String password = settings.password().isEmpty() ? JedisURIHelper.getPassword(uri) : settings.password();
        if (password != null) {
            config.user(JedisURIHelper.getUser(uri)).password(password);
        }
        return config;
    }
}
