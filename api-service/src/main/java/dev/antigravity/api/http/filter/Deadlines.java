package dev.antigravity.api.http.filter;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Semaphore waits bounded by one absolute deadline, so that the limits a request passes share one wait. */
public final class Deadlines {
    private Deadlines() {}

    /** Takes {@code permits} if they become free before {@code deadlineNanos} (System.nanoTime). */
    public static boolean acquire(Semaphore semaphore, int permits, long deadlineNanos) {
        try {
            return semaphore.tryAcquire(permits, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
