package dev.antigravity.api.testsupport;

import java.time.Duration;

/**
 * Retries an assertion until it passes or a deadline expires. For effects a server produces
 * after the response is on the wire (access log lines, metrics), which a client can observe a
 * moment later than the response itself.
 */
public final class Eventually {
    private Eventually() {
    }

    public static void assertThat(Duration within, Runnable assertion) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
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
