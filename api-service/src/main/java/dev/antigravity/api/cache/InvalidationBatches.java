package dev.antigravity.api.cache;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * This task's invalidations, sent one batch at a time (group commit): the caller that finds no batch in flight sends
 * its own ids at once; callers that arrive while a batch is in flight add their ids to the next batch and wait, and
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
 * <p>Each waiting caller is woken once: the ones in a batch when it is done, its first caller when it may send. Hand-
 * written like {@code logging/LineWriter}: the waiting is the point (a caller must not return before its ids are
 * confirmed), which no executor or queue of a library expresses without an extra thread hand-off per call.
 */
final class InvalidationBatches {
    private final Predicate<Set<Long>> send;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private boolean sending;
    /** Collects the ids of the batch after the one in flight; null while nobody waits for one. */
    private Batch next;
    /** Ids of failed batches that no later batch has confirmed yet. */
    private final Set<Long> owed = new HashSet<>();

    /** Read without the lock by every reader; written under it. */
    private volatile boolean owing;

    /**
     * @param send sends one batch: invalidates the catalogue and these products in Redis, true when Redis confirmed it
     *     (an empty set still invalidates the catalogue); called by one thread at a time
     */
    InvalidationBatches(Predicate<Set<Long>> send) {
        this.send = send;
    }

    /** Returns once a batch that started after this call, carrying {@code ids}, was answered; true if confirmed. */
    boolean invalidate(Collection<Long> ids) {
        Batch batch;
        lock.lock();
        try {
            if (!sending) {
                sending = true;
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
                while (!batch.started) {
                    batch.turn.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        return sendAndHandOn(batch);
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
                if (next != null) {
                    start(next);
                    next.turn.signal();
                    next = null;
                } else {
                    sending = false;
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
        /** Its first caller waits here until the batch before it is answered, then sends it. */
        final Condition turn = lock.newCondition();

        boolean started;
        boolean finished;
        boolean confirmed;
    }
}
