package dev.antigravity.api.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * This task's invalidations, sent one batch at a time (group commit): the caller that finds no batch in flight (nor
 * one started less than a linger ago, below) sends its own ids at once; callers that arrive while a batch is in flight add their ids to the next batch and wait, and
 * the first of them sends it when the batch in flight is done. Each batch is one script call, so concurrent orders
 * share a round trip instead of each paying one (and ids changed by several of them are sent once).
 *
 * <p>The guarantee, "a stale price or stock never outlives the write that changed it" for this task's readers: a
 * caller returns only after a batch that <em>started after</em> its ids were added has been answered, so a caller
 * never counts on a script whose keys were taken before its write. A batch that failed leaves its ids owed: they go
 * out with the next batch, and until a batch confirms them {@link #owing()} is true and readers must not use Redis
 * (they call {@link #settle()} first). One batch at a time also means a batch that succeeded carried everything owed
 * when it started, so its success settles all of it.
 *
 * <p>Under load a batch also waits for its linger (group commit's delay, as PostgreSQL's {@code commit_delay}): when
 * the batch before it started less than {@code linger} ago, the caller that would send waits until a linger has passed
 * since that start, and callers arriving meanwhile share its batch. A recent batch is the evidence that writes are
 * frequent (its caller came less than a linger after the one before it); the first caller of a batch cannot see the
 * others who will follow it, and this class does not see the transactions still running (PostgreSQL's
 * {@code commit_siblings}). So at most one batch starts per linger while writes come faster, each writer waiting at
 * most a linger more; a write a linger or more after the last batch started goes out at once, as with no linger. A
 * batch whose predecessor was in flight longer than a linger goes out as soon as that one is answered.
 *
 * <p>Each waiting caller is woken once: the ones in a batch when it is done, its first caller when it may send (by the
 * batch in flight's answer or the end of its linger, whichever comes later; twice when the answer comes later). Hand-
 * written like {@code logging/LineWriter}: the waiting is the point (a caller must not return before its ids are
 * confirmed), which no executor or queue of a library expresses without an extra thread hand-off per call.
 */
final class InvalidationBatches {
    private final Predicate<Set<Long>> send;
    private final long lingerNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private boolean sending;
    /** When the last batch started ({@code nanoTime}); a linger before construction, so the first one goes at once. */
    private long lastStart;
    /** Collects the ids of the batch after the one in flight or lingering after the last; null while nobody waits for one. */
    private Batch next;
    /** Ids of failed batches that no later batch has confirmed yet. */
    private final Set<Long> owed = new HashSet<>();

    /** Read without the lock by every reader; written under it. */
    private volatile boolean owing;

    /**
     * @param send sends one batch: invalidates the catalogue and these products in Redis, true when Redis confirmed it
     *     (an empty set still invalidates the catalogue); called by one thread at a time
     * @param linger how long after a batch started the next one waits for more callers; zero = never waits
     * @param nanoTime the clock the linger is measured on ({@code System::nanoTime})
     */
    InvalidationBatches(Predicate<Set<Long>> send, Duration linger, LongSupplier nanoTime) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must be zero or more: " + linger);
        }
        this.send = send;
        this.lingerNanos = linger.toNanos();
        this.nanoTime = nanoTime;
        this.lastStart = nanoTime.getAsLong() - lingerNanos;
    }

    /** Returns once a batch that started after this call, carrying {@code ids}, was answered; true if confirmed. */
    boolean invalidate(Collection<Long> ids) {
        Batch batch;
        lock.lock();
        try {
            if (next == null && !sending && lingerLeft() <= 0) {
                batch = new Batch();
                batch.ids.addAll(ids);
                start(batch);
            } else {
                boolean first = next == null;
                if (first) {
                    next = new Batch();
                }
                batch = next;
                batch.ids.addAll(ids);
                if (!first) {
                    while (!batch.finished) {
                        batch.done.awaitUninterruptibly();
                    }
                    return batch.confirmed;
                }
                awaitTurn(batch);
            }
        } finally {
            lock.unlock();
        }
        return sendAndHandOn(batch);
    }

    /**
     * Under the lock, as the first caller of {@code next}: returns once it started, by the batch in flight's hand-on
     * or here when nothing is in flight and the linger has passed. While a linger is left, waits no longer than it.
     */
    private void awaitTurn(Batch batch) {
        boolean interrupted = false;
        while (!batch.started) {
            long left = lingerLeft();
            if (left > 0) {
                try {
                    batch.turn.awaitNanos(left);
                } catch (InterruptedException e) {
                    // Like the untimed waits: the ids must go out before the caller returns, which keeps the flag.
                    interrupted = true;
                }
            } else if (!sending) {
                start(batch);
            } else {
                batch.turn.awaitUninterruptibly();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Under the lock: nanoseconds until a linger has passed since the last batch started (zero or less: it has). */
    private long lingerLeft() {
        return lingerNanos - (nanoTime.getAsLong() - lastStart);
    }

    /** True when an invalidation this task owes Redis is not confirmed yet (readers must then not use Redis). */
    boolean owing() {
        return owing;
    }

    /** Sends what is owed, if anything; true when nothing is owed any more (Redis may be read). */
    boolean settle() {
        return !owing || invalidate(Set.of());
    }

    /** Under the lock: the batch is about to be sent, with everything owed. */
    private void start(Batch batch) {
        sending = true;
        lastStart = nanoTime.getAsLong();
        if (batch == next) {
            next = null;
        }
        batch.started = true;
        batch.ids.addAll(owed);
    }

    private boolean sendAndHandOn(Batch batch) {
        boolean confirmed = false;
        try {
            confirmed = send.test(batch.ids);
            return confirmed;
        } finally {
            lock.lock();
            try {
                if (confirmed) {
                    owed.removeAll(batch.ids);
                } else {
                    owed.addAll(batch.ids);
                }
                // Everything owed when this batch started was in it: its outcome is the debt's.
                owing = !confirmed;
                batch.confirmed = confirmed;
                batch.finished = true;
                batch.done.signalAll();
                sending = false;
                // A batch still lingering is started by its first caller when its timed wait ends.
                if (next != null && lingerLeft() <= 0) {
                    Batch following = next;
                    start(following);
                    following.turn.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** One script call's worth of ids, and who waits for it. */
    private final class Batch {
        final Set<Long> ids = new HashSet<>();
        /** Its callers wait here for its answer. */
        final Condition done = lock.newCondition();
        /** Its first caller waits here until the batch before it is answered and its linger has passed, then sends it. */
        final Condition turn = lock.newCondition();

        boolean started;
        boolean finished;
        boolean confirmed;
    }
}
