package dev.antigravity.api.payment;

import io.helidon.common.tls.Tls;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.ConnectionKey;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.TcpClientConnection;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.api.WebClientConfig;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The kept-alive connections to Stripe's API host, handed to Helidon's client one request at a
 * time ({@code request.connection(...)}), in place of the client's own connection cache.
 *
 * <p>Why not the client's cache: it watches every connection it keeps with a virtual thread of
 * its own that reads the idle socket (Helidon's {@code IdleInputStream}, 101 ms at a time), so that
 * a connection the server closes is noticed. Under load a connection is idle for a few
 * milliseconds between two orders, and every order paid for that watch: a thread started, a timed
 * read parked and woken, the answer's first byte read on the watcher and handed over through a
 * future: 3.6 % of an order's CPU samples directly, more in the scheduler (docs/benchmarks.md).
 *
 * <p>Here a connection is checked only when it could have gone stale: one idle for longer than
 * {@code checkAfter} gets a one-millisecond read before it is used (a connection the server closed
 * answers end-of-stream at once; a live one times out), one idle for longer than {@code maxIdle}
 * is closed unused, as are connections beyond {@code capacity}. The newest connection is reused
 * first, so that under a light load the others age out instead of all staying half used. A stale
 * connection that slips through (closed between the check and the request) fails the call as
 * one the server closed, which the library retries under the same idempotency key (see
 * {@link KeptAliveStripeHttp}).
 */
final class StripeConnections implements AutoCloseable {
    /** Idle this long, a connection is checked before it is used; idle twice as long, closed unused. */
    static final Duration CHECK_AFTER = Duration.ofSeconds(2);
    /**
     * Well inside the idle timeouts servers and load balancers put on kept connections (60 s on
     * AWS's), so a connection is seldom found closed.
     */
    static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private static final Duration LIVENESS_READ = Duration.ofMillis(1);

    private final WebClient web;
    private final ConnectionKey key;
    private final int capacity;
    private final long checkAfterNanos;
    private final long maxIdleNanos;
    private final LongSupplier nanoTime;
    /** Newest first. */
    private final Deque<Kept> idle = new ConcurrentLinkedDeque<>();

    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    /** Connections to {@code base}'s host, made and configured by {@code web}, without a proxy. */
    StripeConnections(WebClient web, URI base, int capacity) {
        this(web, base, capacity, CHECK_AFTER, MAX_IDLE, System::nanoTime);
    }

    StripeConnections(
            WebClient web, URI base, int capacity, Duration checkAfter, Duration maxIdle, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.web = web;
        this.key = key(web, base);
        this.capacity = capacity;
        this.checkAfterNanos = checkAfter.toNanos();
        this.maxIdleNanos = maxIdle.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a request to {@code url} goes to the host these connections are to. */
    boolean serves(URL url) {
        return key.host().equalsIgnoreCase(url.getHost())
                && key.port() == port(url.getProtocol(), url.getPort())
                && key.scheme().equalsIgnoreCase(url.getProtocol());
    }

    /** A connected connection: a kept one that is still usable, else a new one. */
    ClientConnection lease() {
        for (Kept kept = take(); kept != null; kept = take()) {
            long idleFor = nanoTime.getAsLong() - kept.since();
            if (idleFor <= checkAfterNanos && kept.connection().isConnected()) {
                return kept.connection();
            }
            if (idleFor <= maxIdleNanos && stillOpen(kept.connection())) {
                return kept.connection();
            }
            kept.connection().closeResource();
        }
        return TcpClientConnection.create(web, key, List.of(), this::keep, ignored -> {})
                .connect();
    }

    /** Connections kept now (for tests and metrics). */
    int idle() {
        return idleCount.get();
    }

    @Override
    public void close() {
        closed = true;
        for (Kept kept = take(); kept != null; kept = take()) {
            kept.connection().closeResource();
        }
    }

    /**
     * Helidon's release of a connection whose answer was read to its end and did not say
     * {@code Connection: close}: kept unless full or closed; {@code false} has Helidon close it.
     */
    private boolean keep(TcpClientConnection connection) {
        if (closed) {
            return false;
        }
        if (idleCount.incrementAndGet() > capacity) {
            idleCount.decrementAndGet();
            return false;
        }
        idle.offerFirst(new Kept(connection, nanoTime.getAsLong()));
        return true;
    }

    private Kept take() {
        Kept kept = idle.pollFirst();
        if (kept != null) {
            idleCount.decrementAndGet();
        }
        return kept;
    }

    /**
     * A read of at most a millisecond: a server that closed the connection while it was idle
     * has left an end-of-stream to read; a live connection has nothing, and the read times out.
     * Anything else (bytes nobody asked for) makes the connection unusable.
     */
    private static boolean stillOpen(ClientConnection connection) {
        if (!connection.isConnected()) {
            return false;
        }
        connection.readTimeout(LIVENESS_READ);
        try {
            connection.reader().pullData();
            return false;
        } catch (UncheckedIOException e) {
            return e.getCause() instanceof SocketTimeoutException;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ConnectionKey key(WebClient web, URI base) {
        WebClientConfig config = web.prototype();
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        return ConnectionKey.create(
                base.getScheme(),
                base.getHost(),
                port(base.getScheme(), base.getPort()),
                https ? config.tls() : Tls.builder().enabled(false).build(),
                config.dnsResolver(),
                config.dnsAddressLookup(),
                Proxy.noProxy());
    }

    private static int port(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private record Kept(TcpClientConnection connection, long since) {}
}
