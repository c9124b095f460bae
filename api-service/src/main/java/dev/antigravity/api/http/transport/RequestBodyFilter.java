package dev.antigravity.api.http.transport;

import dev.antigravity.api.http.filter.CallerKey;
import dev.antigravity.api.http.filter.CallerPermits;
import dev.antigravity.api.http.filter.Deadlines;
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
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;

/**
 * Reads the whole request body before the request takes a concurrency slot (issue 10, finding 2):
 * a client that sends its body slowly then holds a connection, not one of the few slots that
 * guard the database pool. A body that stops arriving for {@code limits.read.idle} loses its
 * connection. Body failures end here as client errors: over {@code limits.body} is 413, broken
 * chunked framing is 400, and a client that gave up or timed out is recorded as 400/408 with
 * no response (there is no one to send it to) — never as a server error. Because bodies are held
 * whole, the bytes held at once are bounded ({@code limits.bodies}, 503 beyond) and so are the
 * bodies of one caller ({@code limits.caller}, 429 beyond), so that neither memory nor the budget
 * can be taken by a few clients that send slowly.
 */
public final class RequestBodyFilter implements Filter {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Limits limits;
    private final CallerKey callers;
    private final CallerPermits callerReads;
    /** The memory budget in KiB: bodies are held whole, so how many at once must be bounded. */
    private final Semaphore budgetKib;

    /**
     * @param maxBytes    {@code limits.body}: the largest body
     * @param budgetBytes {@code limits.bodies}: bytes of bodies held at once (at least {@code maxBytes})
     * @param perCaller   {@code limits.caller}: bodies one caller may have in memory at once
     * @param idle        {@code limits.read.idle}: a body that sends nothing this long loses its connection
     * @param queueWait   {@code limits.wait}: how long a request may wait for its caller's turn or the budget
     */
    public record Limits(long maxBytes, long budgetBytes, int perCaller, Duration idle, Duration queueWait) {}

    public RequestBodyFilter(Limits limits, CallerKey callers) {
        this.limits = limits;
        this.callers = callers;
        this.callerReads = new CallerPermits(limits.perCaller());
        this.budgetKib = new Semaphore(kib(Math.max(limits.budgetBytes(), limits.maxBytes())), true);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.content().hasEntity()) {
            chain.proceed();
            return;
        }
        long deadline = System.nanoTime() + limits.queueWait().toNanos();
        String caller = callers.of(req);
        if (!callerReads.tryAcquire(caller, deadline)) {
            ProblemResponses.reject(req, res, ApiException.tooManyRequests(RETRY_AFTER));
            return;
        }
        try {
            // Reserved before reading: the declared length, or the most a chunked body may reach.
            int reservedKib = kib(req.headers().contentLength().orElse(limits.maxBytes()));
            if (!Deadlines.acquire(budgetKib, reservedKib, deadline)) {
                ProblemResponses.reject(
                        req,
                        res,
                        ApiException.serviceUnavailable(
                                "The server holds its maximum of request bodies in memory.", RETRY_AFTER));
                return;
            }
            try {
                readThenProceed(chain, req, res);
            } finally {
                budgetKib.release(reservedKib);
            }
        } finally {
            callerReads.release(caller);
        }
    }

    private void readThenProceed(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        IdleDeadline deadline = new IdleDeadline();
        try {
            // Held in memory (at most limits.body); handlers then read it from there as usual.
            req.content().buffer();
        } catch (RequestException | NumberFormatException framing) {
            // Helidon's own checks while reading the body: its size, its chunk framing (a chunk size
            // that is not hexadecimal surfaces as NumberFormatException in 4.5.0).
            ProblemResponses.reject(
                    req,
                    res,
                    framing instanceof RequestException helidon
                                    && helidon.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()
                            ? ApiException.payloadTooLarge(limits.maxBytes())
                            : ApiException.badRequest(
                                    "The request body is not correctly framed (Content-Length or chunked encoding)."));
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

    private static int kib(long bytes) {
        return (int) Math.max(1, (bytes + 1023) / 1024);
    }

    /** Aborts the connection when no body bytes arrived for {@code limits.read.idle}. */
    private final class IdleDeadline {
        private final GuardedConnection connection = GuardedConnection.current().orElse(null);
        private final ScheduledFuture<?> check;
        private volatile boolean expired;

        private IdleDeadline() {
            // Checked four times per period: the cut-off comes within 1.25 idle periods of the last byte.
            this.check =
                    connection == null ? null : Watchdog.every(limits.idle().dividedBy(4), this::check);
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
            if (!expired && connection.sinceLastRead().compareTo(limits.idle()) >= 0) {
                expired = true;
                check.cancel(false);
                connection.abort();
            }
        }
    }
}
