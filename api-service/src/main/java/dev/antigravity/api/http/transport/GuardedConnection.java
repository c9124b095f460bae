package dev.antigravity.api.http.transport;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.spi.ServerConnection;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

/**
 * Helidon's HTTP/1 connection with what its 4.5 loop lacks (docs/architecture.md, "HTTP/1
 * transport"): a way to stop reading requests after the current exchange, a lingering close, and
 * the time bytes last arrived (for the idle deadline on request bodies).
 * <p>
 * Requests are routed on the connection's own thread, so code handling a request finds its
 * connection through {@link #current()}.
 */
final class GuardedConnection implements ServerConnection, InterruptableTask<Void> {
    /**
     * How long the connection keeps reading (and discarding) what the client still sends after
     * the last response, so that closing does not reset the connection under a response the
     * client has not read yet.
     */
    static final Duration LINGER = Duration.ofSeconds(2);

    private static final ScopedValue<GuardedConnection> CURRENT = ScopedValue.newInstance();

    private final ConnectionContext ctx;
    private final DataReader reader;
    private final ServerConnection http1;
    private volatile long lastReadNanos = System.nanoTime();

    /**
     * @param http1 creates Helidon's connection over the context it is given, whose reader is this
     *              connection's (so that it knows when bytes last arrived)
     */
    GuardedConnection(ConnectionContext ctx, boolean http10, Function<ConnectionContext, ServerConnection> http1) {
        this.ctx = ctx;
        this.reader = DataReader.create(this::readSocket);
        ConnectionContext ours = new ContextWithReader(ctx, reader);
        this.http1 = http1.apply(http10 ? Http10Requests.adapt(ours) : ours);
    }

    /** The connection of the request being handled on this thread, if it came through this transport. */
    static Optional<GuardedConnection> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        try {
            ScopedValue.where(CURRENT, this).call(() -> {
                http1.handle(limit);
                return null;
            });
        } finally {
            lingerBeforeClose();
        }
    }

    /** Reads no further request: the connection closes once the current response is written. */
    void endAfterThisExchange() {
        // Not interrupting: only stops Helidon's loop before it reads the next request line.
        http1.close(false);
    }

    /** Time since bytes last arrived from the client. */
    Duration sinceLastRead() {
        return Duration.ofNanos(System.nanoTime() - lastReadNanos);
    }

    /** Closes the socket now; a read blocked on it fails. */
    void abort() {
        ctx.serverSocket().close();
    }

    @Override
    public Duration idleTime() {
        return http1.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
        http1.close(interrupt);
    }

    @Override
    public boolean canInterrupt() {
        return http1 instanceof InterruptableTask<?> task && task.canInterrupt();
    }

    /** The next bytes from the client: first those read while Helidon identified the protocol. */
    private byte[] readSocket() {
        DataReader identified = ctx.dataReader();
        if (identified.available() > 0) {
            return identified.readBytes(identified.available());
        }
        byte[] bytes;
        try {
            bytes = ctx.serverSocket().get();
        } catch (UncheckedIOException e) {
            // As Helidon's own reader does: a failed socket ends the connection quietly.
            throw new ServerConnectionException("Failed to get data from socket", e);
        }
        lastReadNanos = System.nanoTime();
        return bytes;
    }

    /**
     * Discards input until the client closes its side or {@link #LINGER} passes. Without it, a
     * client still sending a body we refused gets a TCP reset, which can destroy the response
     * (the 413) before it reads it. Nothing read here is ever parsed.
     */
    private void lingerBeforeClose() {
        ScheduledFuture<?> deadline = Watchdog.after(LINGER, this::abort);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                reader.ensureAvailable();
                reader.skip(reader.available());
            }
        } catch (RuntimeException endOfInput) {
            // The client closed its side (the usual end), the socket failed, or the deadline closed it.
        } finally {
            deadline.cancel(false);
        }
    }
}
