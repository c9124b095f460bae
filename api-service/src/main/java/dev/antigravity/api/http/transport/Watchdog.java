package dev.antigravity.api.http.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One timer thread for the transport's deadlines (idle request bodies, lingering closes). A
 * blocked socket read cannot time itself out without a socket option Helidon does not expose per
 * request, so a deadline closes the socket from here and the read fails.
 */
final class Watchdog {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Watchdog() {}

    static ScheduledFuture<?> after(Duration delay, Runnable action) {
        return TIMER.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    static ScheduledFuture<?> every(Duration period, Runnable action) {
        return TIMER.scheduleAtFixedRate(action, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(
                1,
                Thread.ofPlatform()
                        .daemon()
                        .name("antigravity-transport-watchdog")
                        .factory());
        // Most deadlines are cancelled (the body arrived, the client closed): do not keep them queued.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
