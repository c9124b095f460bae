package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One decision at a time per service: every UpdateService Antigravity issues (a rollout, a rollback) is decided
 * and issued while holding the service's lock in the ledger, after re-reading what ECS runs. UpdateService is not
 * conditional, so without this two concurrent deciders (two pushes, a push and an alarm, two copies of one event)
 * could each act on a view the other is about to make false, and whichever call lands last would win.
 *
 * <p>The lock is a lease: a holder that dies frees it when the lease ends (longer than any handler runs, so a live
 * holder never loses it). A caller that finds it taken waits a little, then gives up with {@link ServiceBusy}, a
 * transient failure: Lambda retries the event with backoff, and the stabilizer finishes what was left.
 */
public final class ServiceLock {
    /** Longer than the longest hooks Lambda timeout (120 s, terraform/modules/deploy-hooks), so a live holder keeps it. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    private static final int ATTEMPTS = 6;
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);

    private final LedgerPort ledger;
    private final Clock clock;
    private final Duration lease;
    private final Pause pause;
    private final Supplier<String> owners;

    public ServiceLock(LedgerPort ledger, Clock clock, Duration lease, Pause pause, Supplier<String> owners) {
        this.ledger = ledger;
        this.clock = clock;
        this.lease = lease;
        this.pause = pause;
        this.owners = owners;
    }

    public ServiceLock(LedgerPort ledger, Clock clock) {
        this(ledger, clock, DEFAULT_LEASE, Pause.SLEEP, () -> UUID.randomUUID().toString());
    }

    /** Runs {@code decision} holding the service's lock; throws {@link ServiceBusy} when it cannot be had. */
    public <T> T holding(ServiceRef service, Supplier<T> decision) {
        String owner = owners.get();
        Duration wait = FIRST_WAIT;
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            if (ledger.lock(service, owner, now, now.plus(lease))) {
                break;
            }
            if (attempt == ATTEMPTS) {
                throw new ServiceBusy("another decision holds the lock of " + service + "; retry later");
            }
            pause.pause(wait);
            wait = wait.multipliedBy(2);
        }
        try {
            return decision.get();
        } finally {
            release(service, owner);
        }
    }

    /** A throttled release is tried again: a lock left behind stalls the service's events for the whole lease. */
    private void release(ServiceRef service, String owner) {
        for (int attempt = 1; ; attempt++) {
            try {
                ledger.unlock(service, owner);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause.pause(FIRST_WAIT.multipliedBy(attempt));
            }
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

    /** The lock stayed taken: a transient failure, retried by Lambda. */
    public static final class ServiceBusy extends RuntimeException {
        public ServiceBusy(String message) {
            super(message);
        }
    }
}
