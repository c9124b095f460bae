package dev.antigravity.api.testsupport;

import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * Retries an assertion until it passes or a deadline expires. For effects a server produces
 * after the response is on the wire (access log lines, metrics), which a client can observe a
 * moment later than the response itself.
 *
 * <p>The bound a test names is raised to at least {@link #FLOOR}: the bound only guards against waiting forever,
 * and CI runs on shared, sometimes heavily loaded machines where a few seconds can pass between two statements.
 * A passing assertion returns as soon as it holds, so the floor costs nothing when all is well.
 */
public final class Eventually {
    static final Duration FLOOR = Duration.ofSeconds(30);

    private Eventually() {}

    public static void assertThat(Duration within, Runnable assertion) {
        long deadline = System.nanoTime() + (within.compareTo(FLOOR) < 0 ? FLOOR : within).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | NoSuchElementException e) { // orElseThrow() inside an assertion: not there yet
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
