package dev.antigravity.api.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.PushConsumerContext;
import redis.clients.jedis.PushMessageTypes;

/**
 * The one connection per task on which Redis reports changed keys to the {@link NearCache}: RESP3,
 * {@code CLIENT TRACKING ON BCAST PREFIX <cache.prefix>}, so every write to a key under the prefix,
 * by any task (Lua scripts, expiry and eviction included), sends this connection an
 * {@code invalidate} push naming the keys. In broadcast mode Redis keeps no per-key table of what
 * was read, and a read on a pooled connection needs no tracking of its own.
 *
 * <p>The thread waits in {@code XREAD BLOCK} on a stream nobody writes, for {@code cache.near.heartbeat}:
 * pushes are read as they arrive, and the empty reply proves the connection alive, so a connection
 * that dies silently is noticed within two heartbeats + {@code cache.timeout}. A closed or failed
 * connection empties the near cache and stops it until a new connection tracks the prefix.
 */
final class InvalidationListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InvalidationListener.class.getName());
    private final HostAndPort address;
    private final JedisClientConfig config;
    private final String prefix;
    private final Duration heartbeat;
    private final Duration reconnectAfter;
    private final NearCache near;
    private final CacheOutage outage;
    private final Thread thread;
    private volatile TrackingConnection connection;
    private volatile long clientId = -1;
    private volatile boolean closed;

    /** @param config RESP3, with a socket time-out longer than {@code heartbeat} */
    InvalidationListener(
            HostAndPort address, JedisClientConfig config, CacheSettings settings, NearCache near, CacheOutage outage) {
        this.address = address;
        this.config = config;
        this.prefix = settings.prefix();
        this.heartbeat = settings.nearHeartbeat();
        this.reconnectAfter = settings.retry();
        this.near = near;
        this.outage = outage;
        this.thread = Thread.ofPlatform().daemon().name("cache-invalidations").unstarted(this::listen);
    }

    void start() {
        thread.start();
    }

    /** Redis' id of the tracking connection, once the near cache trusts it; -1 while there is none. */
    long clientId() {
        return clientId;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        TrackingConnection open = connection;
        if (open != null) {
            open.close();
        }
    }

    private void listen() {
        try {
            listenUntilClosed();
        } finally {
            // Closed, or this thread dies of an Error: nothing will invalidate the near cache any more.
            near.distrust();
            clientId = -1;
        }
    }

    private void listenUntilClosed() {
        while (!closed) {
            boolean connected = false;
            try (TrackingConnection open = new TrackingConnection(address, config, this::invalidate)) {
                connected = true;
                connection = open;
                long id = track(open);
                near.trustFromNow();
                clientId = id;
                String block = Long.toString(heartbeat.toMillis());
                String idleKey = prefix + "near-cache:heartbeat";
                while (!closed) {
                    // A read-only blocking command: CLIENT PAUSE WRITE (failovers) does not hold it.
                    open.sendCommand(Protocol.Command.XREAD, "BLOCK", block, "STREAMS", idleKey, "$");
                    open.getOne();
                }
            } catch (RuntimeException e) {
                near.distrust();
                clientId = -1;
                if (!closed) {
                    // Redis unreachable is the reads' to report (one WARNING per interval between them).
                    if (connected) {
                        outage.warn(
                                "invalidation connection lost or refused (the near cache is off until it is back)", e);
                    } else {
                        LOG.log(System.Logger.Level.DEBUG, "No invalidation connection yet", e);
                    }
                    pause();
                }
            }
        }
    }

    /** Turns tracking on for the prefix; returns Redis' id of the connection. */
    private long track(TrackingConnection open) {
        open.sendCommand(Protocol.Command.CLIENT, "TRACKING", "ON", "BCAST", "PREFIX", prefix);
        String reply = open.getStatusCodeReply();
        if (!"OK".equals(reply)) {
            throw new IllegalStateException("CLIENT TRACKING refused: " + reply);
        }
        open.sendCommand(Protocol.Command.CLIENT, "ID");
        return open.getIntegerReply();
    }

    private void pause() {
        try {
            Thread.sleep(reconnectAfter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** An {@code invalidate} push: the keys that changed, or none (FLUSHDB, FLUSHALL) meaning all. */
    private PushConsumerContext invalidate(PushConsumerContext context) {
        if (!Arrays.equals(
                PushMessageTypes.INVALIDATE_BYTES, context.getMessage().getType())) {
            return context;
        }
        List<Object> content = context.getMessage().getContent();
        if (content.size() > 1 && content.get(1) instanceof List<?> keys) {
            for (Object key : keys) {
                if (key instanceof byte[] bytes) {
                    near.invalidate(new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } else {
            near.invalidateAll();
        }
        context.drop();
        return context;
    }

    /** Jedis' connection, with our handler of push messages (Jedis adds push consumers only in subclasses). */
    private static final class TrackingConnection extends Connection {
        TrackingConnection(HostAndPort address, JedisClientConfig config, redis.clients.jedis.PushConsumer consumer) {
            super(address, config);
            addPushConsumer(consumer);
        }
    }
}
