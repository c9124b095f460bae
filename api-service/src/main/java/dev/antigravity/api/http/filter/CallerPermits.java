package dev.antigravity.api.http.filter;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most {@code perCaller} permits per caller key, taken with a deadline. Only callers holding or
 * waiting for a permit have an entry: it goes when the last of their requests lets go, so the map
 * stays as small as the number of callers active at that moment.
 */
public final class CallerPermits {
    private final int perCaller;
    private final ConcurrentHashMap<String, Permits> callers = new ConcurrentHashMap<>();

    public CallerPermits(int perCaller) {
        if (perCaller < 1) {
            throw new IllegalArgumentException("permits per caller must be positive: " + perCaller);
        }
        this.perCaller = perCaller;
    }

    /** Takes one of {@code caller}'s permits, waiting until {@code deadlineNanos} (System.nanoTime) at most. */
    public boolean tryAcquire(String caller, long deadlineNanos) {
        Permits permits = callers.compute(
                caller, (key, existing) -> (existing == null ? new Permits(perCaller) : existing).use());
        if (Deadlines.acquire(permits.semaphore, 1, deadlineNanos)) {
            return true;
        }
        callers.computeIfPresent(caller, (key, existing) -> existing.unuse());
        return false;
    }

    /** Gives back a permit {@link #tryAcquire} granted. */
    public void release(String caller) {
        callers.computeIfPresent(caller, (key, existing) -> {
            existing.semaphore.release();
            return existing.unuse();
        });
    }

    /** One caller's permits and how many requests use them; changed only inside the map's compute. */
    private static final class Permits {
        private final Semaphore semaphore;
        private int users;

        private Permits(int perCaller) {
            this.semaphore = new Semaphore(perCaller, true);
        }

        private Permits use() {
            users++;
            return this;
        }

        private Permits unuse() {
            users--;
            return users == 0 ? null : this;
        }
    }
}
