package dev.antigravity.api.logging;

/**
 * The process's standard output (what the task's awslogs driver ships to CloudWatch), written in whole lines by one
 * {@link LineWriter}: the JSON log lines and the CloudWatch EMF lines share it, so their lines never interleave and
 * the writes of many threads are coalesced.
 */
public final class StandardOutput {
    /** Bytes that may wait behind a write in progress before a caller blocks: the most a kill -9 can lose. */
    static final int WAITING_BYTES = 1 << 20;

    private static LineWriter shared;

    private StandardOutput() {}

    /** The shared writer of {@link System#out} as it was on first use. */
    public static synchronized LineWriter lines() {
        if (shared == null) {
            shared = new LineWriter(System.out, WAITING_BYTES, "stdout-writer");
        }
        return shared;
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
