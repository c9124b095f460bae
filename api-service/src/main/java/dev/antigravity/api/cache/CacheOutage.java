package dev.antigravity.api.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the cache does while Redis fails (unreachable, timing out, or answering garbage): reads go
 * straight to the database for {@code retry} after each failure rather than paying a time-out per
 * request, and the log gets one WARNING per {@code warnInterval} (with how many failures it
 * stands for) instead of one per request. The first success after a failure is logged once.
 */
final class CacheOutage {
    private static final System.Logger LOG = System.getLogger(CacheOutage.class.getName());
    private static final long NEVER = Long.MIN_VALUE;

    private final long retryNanos;
    private final long warnIntervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong failedAt = new AtomicLong(NEVER);
    private final AtomicLong warnedAt = new AtomicLong(NEVER);
    private final AtomicLong unreported = new AtomicLong();

    CacheOutage(Duration retry, Duration warnInterval, LongSupplier nanoTime) {
        this.retryNanos = retry.toNanos();
        this.warnIntervalNanos = warnInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** True while the last failure is more recent than {@code retry}: reads should not try Redis. */
    boolean bypassing() {
        long failed = failedAt.get();
        return failed != NEVER && nanoTime.getAsLong() - failed < retryNanos;
    }

    /** Redis failed: reads bypass it for {@code retry}, and the failure is reported. */
    void failed(String what, RuntimeException cause) {
        failedAt.set(nanoTime.getAsLong());
        warn(what, cause);
    }

    /** Redis answered something unusable; reported (rate-limited) without bypassing Redis. */
    void warn(String what, RuntimeException cause) {
        long now = nanoTime.getAsLong();
        unreported.incrementAndGet();
        long warned = warnedAt.get();
        if ((warned == NEVER || now - warned >= warnIntervalNanos) && warnedAt.compareAndSet(warned, now)) {
            long count = unreported.getAndSet(0);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Catalogue cache failing, the database answers: " + what + ": " + cause + " (" + count
                            + " failure(s) since the last warning)");
        }
    }

    void succeeded() {
        if (failedAt.get() != NEVER && failedAt.getAndSet(NEVER) != NEVER) {
            LOG.log(System.Logger.Level.INFO, "Catalogue cache answering again");
        }
    }
}
