package dev.antigravity.api.http.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The idle deadlines of the request bodies being read: a body that sends nothing for {@code idle}
 * loses its connection. One task on the {@link Watchdog} checks them all every quarter of
 * {@code idle}, and runs only while some body is being read, so the cut-off comes within 1.25 idle
 * periods of the last byte. A timer task per request (scheduled, then cancelled once the body had
 * arrived) made every request with a body take the timer's queue lock; under load requests queued
 * there, and the stacks of virtual threads parked on it were a quarter of an order's allocations.
 */
final class IdleBodies {
    private static final System.Logger LOG = System.getLogger(IdleBodies.class.getName());

    private final Duration idle;
    private final Duration period;
    private final Set<Reading> reading = ConcurrentHashMap.newKeySet();
    /** Whether a check is scheduled; at most one is. */
    private final AtomicBoolean checking = new AtomicBoolean();

    IdleBodies(Duration idle) {
        this.idle = idle;
        this.period = idle.dividedBy(4);
    }

    /** Watches a body being read on {@code connection} (none: nothing to watch) until {@link Reading#done}. */
    Reading start(GuardedConnection connection) {
        Reading body = new Reading(connection);
        if (connection != null) {
            reading.add(body);
            scheduleIfIdle();
        }
        return body;
    }

    private void check() {
        try {
            reading.forEach(Reading::check);
        } finally {
            checking.set(false);
        }
        // A body that arrived between the sweep and the flag's reset found a check still scheduled.
        if (!reading.isEmpty()) {
            scheduleIfIdle();
        }
    }

    private void scheduleIfIdle() {
        if (checking.compareAndSet(false, true)) {
            var _ = Watchdog.after(period, this::check); // never cancelled: it ends by itself
        }
    }

    /** One body being read. */
    final class Reading {
        private final GuardedConnection connection;
        private volatile boolean expired;

        private Reading(GuardedConnection connection) {
            this.connection = connection;
        }

        /** Whether the deadline closed the connection. */
        boolean expired() {
            return expired;
        }

        /** The body was read, or its reading failed: stop watching it. */
        void done() {
            reading.remove(this);
        }

        private void check() {
            if (!expired && connection.sinceLastRead().compareTo(idle) >= 0) {
                expired = true;
                done();
                try {
                    connection.abort();
                } catch (RuntimeException e) {
                    // The other bodies must still be checked; this one's reader fails or ends on its own.
                    LOG.log(System.Logger.Level.WARNING, "Closing an idle request body's connection failed", e);
                }
            }
        }
    }
}
