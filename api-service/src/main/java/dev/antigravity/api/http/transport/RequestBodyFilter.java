package dev.antigravity.api.http.transport;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.ProblemResponses;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Reads the whole request body before the request takes a concurrency slot (issue 10, finding 2):
 * a client that sends its body slowly then holds a connection, not one of the few slots that
 * guard the database pool. A body that stops arriving for {@code limits.read.idle} loses its
 * connection. Body failures end here as client errors: over {@code limits.body} is 413, broken
 * chunked framing is 400, and a client that gave up or timed out is recorded as 400/408 with
 * no response (there is no one to send it to) — never as a server error.
 */
public final class RequestBodyFilter implements Filter {
    private final long maxBytes;
    private final Duration idleTimeout;

    public RequestBodyFilter(long maxBytes, Duration idleTimeout) {
        this.maxBytes = maxBytes;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.content().hasEntity()) {
            chain.proceed();
            return;
        }
        IdleDeadline deadline = new IdleDeadline();
        try {
            // Held in memory (at most limits.body); handlers then read it from there as usual.
            req.content().buffer();
        } catch (RequestException | NumberFormatException framing) {
            // Helidon's own checks while reading the body: its size, its chunk framing (a chunk size
            // that is not hexadecimal surfaces as NumberFormatException in 4.5.0).
            ProblemResponses.reject(req, res, framing instanceof RequestException helidon
                    && helidon.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()
                    ? ApiException.payloadTooLarge(maxBytes)
                    : ApiException.badRequest("The request body is not correctly framed (Content-Length or chunked encoding)."));
            return;
        } catch (DataReader.InsufficientDataAvailableException | UncheckedIOException | CloseConnectionException gone) {
            // The client closed the connection mid-body, or the idle deadline closed it: no one to answer.
            res.status(deadline.expired() ? Status.REQUEST_TIMEOUT_408 : Status.BAD_REQUEST_400);
            throw new CloseConnectionException("request body incomplete", gone);
        } finally {
            deadline.cancel();
        }
        chain.proceed();
    }

    /** Aborts the connection when no body bytes arrived for {@link #idleTimeout}. */
    private final class IdleDeadline {
        private final GuardedConnection connection = GuardedConnection.current().orElse(null);
        private final ScheduledFuture<?> check;
        private volatile boolean expired;

        private IdleDeadline() {
            // Checked four times per period: the cut-off comes within 1.25 idle periods of the last byte.
            this.check = connection == null ? null : Watchdog.every(idleTimeout.dividedBy(4), this::check);
        }

        boolean expired() {
            return expired;
        }

        void cancel() {
            if (check != null) {
                check.cancel(false);
            }
        }

        private void check() {
            if (!expired && connection.sinceLastRead().compareTo(idleTimeout) >= 0) {
                expired = true;
                check.cancel(false);
                connection.abort();
            }
        }
    }
}
