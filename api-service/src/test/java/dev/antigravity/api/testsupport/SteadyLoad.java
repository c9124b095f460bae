package dev.antigravity.api.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Callers that repeat one call on their own threads until {@link #stop()}, counting what succeeded and keeping
 * what failed. Progress is read through {@link #awaitSuccesses}, a bounded poll on a condition; the failures are
 * handed out only by {@link #stop()}, after every caller has finished, so nothing written on a caller's thread is
 * read before it is complete.
 */
public final class SteadyLoad implements AutoCloseable {
    /** One call of the load; any exception counts as a failed request. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    private static final Duration BOUND = Duration.ofSeconds(60);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong successes = new AtomicLong();
    private final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> callers = new ArrayList<>();

    private SteadyLoad() {}

    /** Starts {@code threads} callers of {@code call}. */
    public static SteadyLoad start(int threads, Call call) {
        SteadyLoad load = new SteadyLoad();
        for (int i = 0; i < threads; i++) {
            load.callers.add(Thread.ofPlatform().name("steady-load-" + i).start(() -> load.repeat(call)));
        }
        return load;
    }

    private void repeat(Call call) {
        while (running.get()) {
            try {
                call.run();
                successes.incrementAndGet();
            } catch (Exception e) {
                failures.add(e);
            }
        }
    }

    public long successes() {
        return successes.get();
    }

    /** Waits (bounded) until at least {@code count} calls have succeeded in all. */
    public void awaitSuccesses(long count) {
        await(
                () -> successes.get() >= count,
                count + " successful calls (" + successes.get() + " so far, " + failures.size() + " failed)");
    }

    /** Waits (bounded) until at least {@code count} calls have failed in all. */
    public void awaitFailures(long count) {
        await(() -> failures.size() >= count, count + " failed calls (" + failures.size() + " so far)");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + BOUND + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Stops the callers, waits for each to finish its call, and returns every failure. */
    public List<Exception> stop() {
        running.set(false);
        for (Thread caller : callers) {
            try {
                if (!caller.join(BOUND)) {
                    throw new AssertionError(caller.getName() + " did not finish its call within " + BOUND);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted stopping the load", e);
            }
        }
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        stop();
    }
}
