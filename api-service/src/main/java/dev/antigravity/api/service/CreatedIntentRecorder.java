package dev.antigravity.api.service;

import dev.antigravity.api.repository.CreatedIntent;
import dev.antigravity.api.repository.PaymentRepository;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records the PaymentIntents that placing requests created on their payments (CREATING →
 * REQUIRES_PAYMENT), in batches, off the requests' path: a request hands its record over and
 * returns; one virtual thread writes up to {@code batch} records in one conditional statement
 * ({@link PaymentRepository#createdAll}) once a batch is full or {@code linger} after its first
 * record. The order's response carries nothing from the provider, so nobody waits for the write;
 * one round trip serves many orders instead of one each.
 *
 * <p>Nothing is lost. A failed write (the database away) is retried with backoff, logged each
 * time, the records kept. Closing (the server's stop, before the pool closes) writes what is
 * pending, once: a write that fails then leaves its payments to the sweep at once rather than
 * holding the server's stop (and the task's exit) for retries that the sweep makes unnecessary;
 * a record handed over after that is written by its own request. A record that never lands (the task killed, or the database away through the
 * whole shutdown) leaves its payment CREATING, which is where it was before the provider was
 * asked: the next read of the payment, a replayed order or the {@code payment-retry} sweep
 * ({@link PaymentService#retry}, after {@link PaymentService#RETRY_AFTER}) asks the provider again
 * under the payment's stored idempotency key, and the provider answers with the same intent. A
 * webhook for an intent whose record is still pending finds its payment by the order id in the
 * intent's metadata ({@code PaymentService.adopted}). Every write is conditional on CREATING, so a
 * record written twice, or after one of those, changes nothing.
 *
 * <p>Read-your-writes: {@link #pending} tells a reader (the customer fetching the client secret,
 * the sweep) the record not yet written, which the reader then writes itself rather than asking
 * the provider again.
 */
final class CreatedIntentRecorder implements AutoCloseable {
    /** Closing retries no write: one that fails leaves its payments to the sweep at once. */
    static final Duration CLOSE_WAIT = Duration.ZERO;
    /** How long closing waits for the writer's last writes (each bounded by the pool's connection timeout). */
    private static final Duration CLOSE_JOIN = Duration.ofSeconds(10);

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(CreatedIntentRecorder.class.getName());

    /** {@code payments.records.*}: at most {@code batch} records per statement, written at most {@code linger} late. */
    record Settings(int batch, Duration linger) {
        static final Settings DEFAULTS = new Settings(64, Duration.ofMillis(5));

        Settings {
            if (batch < 1) {
                throw new IllegalStateException(
                        "payments.records.batch (PAYMENTS_RECORDS_BATCH) must be at least 1, not " + batch);
            }
            if (linger.isNegative()) {
                throw new IllegalStateException(
                        "payments.records.linger (PAYMENTS_RECORDS_LINGER) must not be negative, not " + linger);
            }
        }

        /** The {@code payments.records} configuration node. */
        static Settings from(Config records) {
            return new Settings(
                    records.get("batch").asInt().orElse(DEFAULTS.batch()),
                    records.get("linger").as(Duration.class).orElse(DEFAULTS.linger()));
        }
    }

    private final DbClient db;
    private final PaymentRepository payments;
    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    /** Records in the order handed over, not yet taken by the writer (guarded by {@link #lock}). */
    private final ArrayDeque<CreatedIntent> queue = new ArrayDeque<>();
    /** Every record not yet written (queued or being written), by order, for readers. */
    private final Map<Long, CreatedIntent> pending = new ConcurrentHashMap<>();

    private Thread writer; // started with the first record (guarded by lock)
    private long closeDeadline; // System.nanoTime() when closing gives up retrying (guarded by lock)
    private boolean closed; // guarded by lock

    CreatedIntentRecorder(DbClient db, PaymentRepository payments, Settings settings) {
        this.db = db;
        this.payments = payments;
        this.settings = settings;
    }

    /** Hands {@code intent} over to be written; returns at once (written by the caller once closed). */
    void record(CreatedIntent intent) {
        lock.lock();
        try {
            if (!closed) {
                pending.put(intent.orderId(), intent);
                queue.addLast(intent);
                if (writer == null) {
                    writer = Thread.ofVirtual().name("payment-records").start(this::writeUntilClosed);
                }
                // Wake the writer only when it waits for a first record or its batch is full: not per record.
                if (queue.size() == 1 || queue.size() >= settings.batch()) {
                    arrived.signal();
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        try {
            payments.createdAll(db, List.of(intent)); // after close: the caller's own write, as before batching
        } catch (RuntimeException e) {
            leftToTheSweep(List.of(intent), e.getMessage());
        }
    }

    /** The record of {@code orderId}'s intent if it is not written yet. */
    Optional<CreatedIntent> pending(long orderId) {
        return Optional.ofNullable(pending.get(orderId));
    }

    /** Writes every pending record (each batch tried once), then stops the writer. */
    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeDeadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            arrived.signalAll();
            running = writer;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            try {
                running.join(CLOSE_JOIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeUntilClosed() {
        try {
            for (List<CreatedIntent> batch = next(); !batch.isEmpty(); batch = next()) {
                write(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leftToTheSweep(new ArrayList<>(pending.values()), "interrupted");
        }
    }

    /** The next batch: full, or what arrived within {@code linger} of its first record; empty once closed and drained. */
    private List<CreatedIntent> next() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return List.of();
                }
                arrived.await();
            }
            long waitUntil = System.nanoTime() + settings.linger().toNanos();
            while (queue.size() < settings.batch() && !closed) {
                long left = waitUntil - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                arrived.awaitNanos(left);
            }
            List<CreatedIntent> batch = new ArrayList<>(Math.min(queue.size(), settings.batch()));
            while (batch.size() < settings.batch() && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<CreatedIntent> batch) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                payments.createdAll(db, batch);
                batch.forEach(intent -> pending.remove(intent.orderId(), intent));
                if (attempt > 1) {
                    LOG.log(
                            System.Logger.Level.INFO,
                            "Recorded " + batch.size() + " created PaymentIntents at attempt " + attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (givingUp()) {
                    leftToTheSweep(batch, e.getMessage());
                    batch.forEach(intent -> pending.remove(intent.orderId(), intent));
                    return;
                }
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Recording " + batch.size() + " created PaymentIntents failed (attempt " + attempt
                                + ", retried in " + backoff.toMillis() + " ms): " + e.getMessage());
            }
            TimeUnit.NANOSECONDS.sleep(pause(backoff));
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** The backoff, but never past the moment closing gives up (the server waits for this thread). */
    private long pause(Duration backoff) {
        lock.lock();
        try {
            long left = closeDeadline - System.nanoTime();
            return closed ? Math.max(0, Math.min(backoff.toNanos(), left)) : backoff.toNanos();
        } finally {
            lock.unlock();
        }
    }

    private boolean givingUp() {
        lock.lock();
        try {
            return closed && System.nanoTime() - closeDeadline >= 0;
        } finally {
            lock.unlock();
        }
    }

    private static void leftToTheSweep(List<CreatedIntent> unwritten, String why) {
        LOG.log(
                System.Logger.Level.WARNING,
                "Shutting down with " + unwritten.size() + " created PaymentIntents not recorded (" + why + "; orders "
                        + unwritten.stream().map(CreatedIntent::orderId).toList()
                        + "): their payments stay CREATING and the payment-retry sweep asks the provider again "
                        + "under the same idempotency key, which returns the same intent");
    }
}
