package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One decision at a time per service: every UpdateService Antigravity issues (a rollout, a rollback) is decided
 * and issued while holding the service's lock in the ledger, after re-reading what ECS runs. UpdateService is not
 * conditional, so without this two concurrent deciders (two pushes, a push and an alarm, two copies of one event)
 * could each act on a view the other is about to make false, and whichever call lands last would win.
 *
 * <p>The lock is a short lease that a {@link Heartbeat} renews while the holder works, so a holder that dies (a
 * Lambda timeout, a crash) frees it within one lease — seconds, not minutes: a guard alarm's retry, or the next
 * sweep, gets the lock in time to roll back. A holder whose lease lapsed (its renewals failed) must not act on what
 * it decided: {@link #fence} renews the lease conditionally right before the one write that is not conditional,
 * UpdateService, and refuses when the lease is gone ({@link LeaseLost}); every ledger write stays conditional on the
 * record's version anyway. A caller that finds the lock taken waits a little, then gives up with
 * {@link ServiceBusy}, a transient failure: Lambda retries the event with backoff, and the stabilizer finishes what
 * was left.
 */
public final class ServiceLock {
    /**
     * Three heartbeats long, so two failed renewals in a row keep it; longer than one ECS call (2 s to connect and 10 s
     * to read, {@code AwsClients}), so an UpdateService sent right after {@link #fence} lands inside the lease.
     */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private static final int HEARTBEATS_PER_LEASE = 3;
    private static final int ATTEMPTS = 6;
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);

    /** The lock the current decision holds, for {@link #fence}: bound for exactly the decision's extent. */
    private static final ScopedValue<Held> HELD = ScopedValue.newInstance();

    private final LedgerPort ledger;
    private final Clock clock;
    private final Duration lease;
    private final Pause pause;
    private final Heartbeat heartbeat;
    private final Supplier<String> owners;

    public ServiceLock(
            LedgerPort ledger, Clock clock, Duration lease, Pause pause, Heartbeat heartbeat, Supplier<String> owners) {
        this.ledger = ledger;
        this.clock = clock;
        this.lease = lease;
        this.pause = pause;
        this.heartbeat = heartbeat;
        this.owners = owners;
    }

    public ServiceLock(LedgerPort ledger, Clock clock) {
        this(
                ledger,
                clock,
                DEFAULT_LEASE,
                Pause.SLEEP,
                Heartbeat.VIRTUAL_THREAD,
                () -> UUID.randomUUID().toString());
    }

    /** Runs {@code decision} holding the service's lock; throws {@link ServiceBusy} when it cannot be had. */
    public <T> T holding(ServiceRef service, Supplier<T> decision) {
        Held held = new Held(service, owners.get());
        acquire(held);
        try (Heartbeat.Beating beating = heartbeat.start(lease.dividedBy(HEARTBEATS_PER_LEASE), () -> renew(held))) {
            return ScopedValue.where(HELD, held).call(decision::get);
        } finally {
            release(held);
        }
    }

    /**
     * Called by a decision right before it acts on ECS: renews the lease it holds on {@code service}, or throws
     * {@link LeaseLost} when the lease lapsed (its renewals failed; another decider may have taken the lock since).
     */
    public void fence(ServiceRef service) {
        Held held = HELD.isBound() ? HELD.get() : null;
        if (held == null || !held.service().equals(service)) {
            throw new IllegalStateException("acting on " + service + " without holding its lock");
        }
        // Not through renew(): a renewal that failed proves nothing, so its error surfaces (transient) here.
        Instant sent = clock.instant();
        Instant until = sent.plus(lease);
        boolean renewed = !held.lost && ledger.renewLock(service, held.owner(), sent, until);
        if (!renewed || !leftToAct(until)) {
            held.lost = true;
            throw new LeaseLost("the lease on the lock of " + service + " lapsed before acting; retry later");
        }
    }

    private void acquire(Held held) {
        Duration wait = FIRST_WAIT;
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Instant until = now.plus(lease);
            if (ledger.lock(held.service(), held.owner(), now, until)) {
                if (leftToAct(until)) {
                    return;
                }
                release(held); // granted too late to count on: let go and try again
            }
            if (attempt == ATTEMPTS) {
                throw new ServiceBusy("another decision holds the lock of " + held.service() + "; retry later");
            }
            pause.pause(wait);
            wait = wait.multipliedBy(2);
        }
    }

    /**
     * A lease is known to run only from when its write was sent: a slow answer (a throttled retry, a long pause)
     * leaves too little of it — or none — to decide and act in.
     */
    private boolean leftToAct(Instant until) {
        return !clock.instant().isAfter(until.minus(lease.dividedBy(HEARTBEATS_PER_LEASE)));
    }

    /** One renewal; false once the lease is lost (then never true again). A failed call is tried at the next beat. */
    private boolean renew(Held held) {
        if (held.lost) {
            return false;
        }
        Instant now = clock.instant();
        try {
            if (!ledger.renewLock(held.service(), held.owner(), now, now.plus(lease))) {
                held.lost = true;
            }
        } catch (RuntimeException throttledOrUnreachable) {
            return true; // the lease still runs; the next beat (or the fence) tries again
        }
        return !held.lost;
    }

    /** A throttled release is tried again: a lock left behind stalls the service's events until its lease ends. */
    private void release(Held held) {
        for (int attempt = 1; ; attempt++) {
            try {
                ledger.unlock(held.service(), held.owner());
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause.pause(FIRST_WAIT.multipliedBy(attempt));
            }
        }
    }

    /** The lock one decision took: its owner id, and whether a renewal found the lease gone. */
    private static final class Held {
        private final ServiceRef service;
        private final String owner;
        private volatile boolean lost;

        Held(ServiceRef service, String owner) {
            this.service = service;
            this.owner = owner;
        }

        ServiceRef service() {
            return service;
        }

        String owner() {
            return owner;
        }
    }

    /** Waiting between attempts (a plain sleep in Lambda; the simulation yields instead). */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = duration -> {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceBusy("interrupted while waiting for a service lock");
            }
        };

        void pause(Duration duration);
    }

    /**
     * Renews the holder's lease every {@code every} while the decision runs (a virtual thread in Lambda; the
     * simulation beats at its ticks while the invocation is alive). A dead holder's beats stop with it, so its lease
     * ends.
     */
    @FunctionalInterface
    public interface Heartbeat {
        Heartbeat VIRTUAL_THREAD = (every, beat) -> {
            Thread beater = Thread.ofVirtual().name("service-lock-heartbeat").start(() -> {
                try {
                    do {
                        Thread.sleep(every);
                    } while (beat.getAsBoolean());
                } catch (InterruptedException released) {
                    // the decision is over
                }
            });
            return beater::interrupt;
        };

        /** @param beat one renewal; false when the lease is lost and beating should stop */
        Beating start(Duration every, BooleanSupplier beat);

        /** Stops the beats (the decision is over, or its invocation is dead). */
        interface Beating extends AutoCloseable {
            @Override
            void close();
        }
    }

    /** The lock stayed taken: a transient failure, retried by Lambda. */
    public static class ServiceBusy extends RuntimeException {
        public ServiceBusy(String message) {
            super(message);
        }
    }

    /** The holder's lease lapsed before it acted: nothing was done, and the retry (or the sweep) decides afresh. */
    public static final class LeaseLost extends ServiceBusy {
        public LeaseLost(String message) {
            super(message);
        }
    }
}
