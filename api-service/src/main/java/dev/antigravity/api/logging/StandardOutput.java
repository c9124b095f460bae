package dev.antigravity.api.logging;

import java.time.Duration;

/**
 * The process's standard output (what the task's awslogs driver ships to CloudWatch), written in whole lines by one
 * {@link LineWriter}: the JSON log lines and the CloudWatch EMF lines share it, so their lines never interleave and
 * the writes of many threads are coalesced.
 */
public final class StandardOutput {
    /** Bytes that may wait before they are written at once (or a caller blocks): the most a kill -9 can lose. */
    static final int WAITING_BYTES = 1 << 20;

    private static Duration linger = JsonLogging.DEFAULT_LINGER;
    private static LineWriter shared;

    private StandardOutput() {}

    /** The shared writer of {@link System#out} as it was on first use. */
    public static synchronized LineWriter lines() {
        if (shared == null) {
            shared = new LineWriter(System.out, WAITING_BYTES, linger, "stdout-writer");
        }
        return shared;
    }

    /**
     * The linger of the shared writer; before its first use (the writer's users hold on to it, so it cannot be
     * replaced).
     */
    static synchronized void useLinger(Duration wanted) {
        if (shared != null && !wanted.equals(linger)) {
            throw new IllegalStateException("standard output is already written with a linger of " + linger);
        }
        linger = wanted;
    }

    /** Waits until every line written so far is on standard output (nothing to wait for if none was). */
    static void flush() {
        LineWriter lines;
        synchronized (StandardOutput.class) {
            lines = shared;
        }
        if (lines != null) {
            lines.flush();
        }
    }
}
