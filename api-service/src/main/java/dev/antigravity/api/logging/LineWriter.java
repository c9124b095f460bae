package dev.antigravity.api.logging;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whole lines to one stream, with one write and one flush for all the lines that arrive while another write is in
 * progress (group commit without a hand-off in the common case). The thread that finds no write in progress writes
 * its own line at once, as a plain flushed write would; lines that arrive meanwhile are appended to a buffer, and the
 * writing thread writes that buffer next, as one write. A logging thread writes at most {@link #CALLER_BATCHES} such
 * batches for others; if lines are still waiting after them, a helper thread takes over and writes until none are
 * left, so no request thread is held by other threads' logging. The helper is woken only then, not per line: the
 * group-commit writer tried before (a thread that wrote every line) was woken for nearly every line and cost more
 * CPU than it saved (docs/benchmarks.md, issue 12).
 *
 * <p>No line is lost or torn: each line is appended whole and every write carries whole lines; the lines of one
 * thread stay in its order (every line enters one sequence under one lock). A caller waits while more than
 * {@code capacity} bytes are waiting (backpressure behind a stalled stream, never a drop). {@link #flush()} returns
 * once every line accepted before it is written. What a crash without shutdown (kill -9) can lose is the lines
 * waiting behind the write in progress at that moment, at most {@code capacity} bytes.
 *
 * <p>Hand-written because JUL, which this service logs through (as Helidon does), has no asynchronous or batching
 * handler; see the README's logging section.
 */
public final class LineWriter {
    /** Batches of other threads' lines a logging thread writes after its own before the helper takes over. */
    static final int CALLER_BATCHES = 2;

    private static final int INITIAL_BUFFER = 16 * 1024;

    private final PrintStream out;
    private final int capacity;
    private final String helperName;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled after each write: for {@link #flush()} and for callers waiting for buffer space. */
    private final Condition progress = lock.newCondition();

    private final Condition helperTurn = lock.newCondition();

    // Guarded by lock. While no write is in progress nothing is waiting (a writer stops only on an empty buffer).
    private boolean writing;
    private byte[] waiting = new byte[INITIAL_BUFFER];
    private int waitingBytes;
    private int waitingLines;
    /** The buffer the writer wrote from last; swapped with {@code waiting} when it takes a batch, so no copy. */
    private byte[] spare = new byte[INITIAL_BUFFER];

    private long accepted;
    private long written;
    private long handOvers;
    private boolean helperOwesWrite;
    private Thread helper;

    /**
     * @param out the stream (the process's standard output in production)
     * @param capacity bytes that may wait behind a write in progress before a caller blocks
     * @param helperName the name of the helper thread, started the first time it is needed
     */
    public LineWriter(PrintStream out, int capacity, String helperName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 byte, was " + capacity);
        }
        this.out = out;
        this.capacity = capacity;
        this.helperName = helperName;
    }

    /** Writes one whole line (its bytes, line separator included), or queues it behind the write in progress. */
    public void write(byte[] line) {
        lock.lock();
        try {
            // A line larger than the whole capacity still goes in, alone, once the buffer is empty.
            while (writing && waitingBytes > 0 && waitingBytes + line.length > capacity) {
                progress.awaitUninterruptibly();
            }
            accepted++;
            if (writing) {
                append(line);
                return;
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        writeAndDrain(new Batch(line, line.length, 1), CALLER_BATCHES);
    }

    /** Waits until every line accepted before this call is on the stream. */
    public void flush() {
        lock.lock();
        try {
            long target = accepted;
            while (written < target) {
                progress.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How often the helper took over from a logging thread (for tests and measurements). */
    long handOvers() {
        lock.lock();
        try {
            return handOvers;
        } finally {
            lock.unlock();
        }
    }

    private void append(byte[] line) {
        if (waitingBytes + line.length > waiting.length) {
            waiting = Arrays.copyOf(waiting, Math.max(waiting.length * 2, waitingBytes + line.length));
        }
        System.arraycopy(line, 0, waiting, waitingBytes, line.length);
        waitingBytes += line.length;
        waitingLines++;
    }

    /** Lines to write at once: {@code length} bytes of {@code bytes}. */
    private record Batch(byte[] bytes, int length, int lines) {}

    /** Under the lock: takes every waiting line, swapping the buffers (no copy). */
    private Batch takeWaiting() {
        Batch batch = new Batch(waiting, waitingBytes, waitingLines);
        waiting = spare;
        spare = batch.bytes();
        waitingBytes = 0;
        waitingLines = 0;
        return batch;
    }

    /**
     * Called by the one thread that owns the write: writes {@code batch}, then each batch that arrived meanwhile, up
     * to {@code batches} of them; then either nothing is waiting and the write ends, or the helper takes over.
     */
    private void writeAndDrain(Batch batch, int batches) {
        RuntimeException failure = null;
        for (int round = 0; ; round++) {
            try {
                out.write(batch.bytes(), 0, batch.length());
                out.flush();
            } catch (RuntimeException e) {
                // PrintStream keeps I/O errors to itself; anything else must not stop the writing, or every later
                // line would wait for ever. Those lines are counted as written: there is nowhere else to put them.
                failure = failure == null ? e : failure;
            }
            lock.lock();
            try {
                written += batch.lines();
                progress.signalAll();
                if (waitingBytes == 0) {
                    writing = false;
                    break;
                }
                if (round >= batches) {
                    handOver();
                    break;
                }
                batch = takeWaiting();
            } finally {
                lock.unlock();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Under the lock, with lines waiting: the write stays in progress and becomes the helper's. */
    private void handOver() {
        handOvers++;
        helperOwesWrite = true;
        if (helper == null) {
            // A daemon: it must never keep the JVM alive; the graceful shutdown flushes (JsonLogging.flush).
            helper = Thread.ofPlatform().name(helperName).daemon(true).start(this::help);
        } else {
            helperTurn.signal();
        }
    }

    private void help() {
        while (true) {
            Batch batch;
            lock.lock();
            try {
                while (!helperOwesWrite) {
                    helperTurn.awaitUninterruptibly();
                }
                helperOwesWrite = false;
                batch = takeWaiting();
            } finally {
                lock.unlock();
            }
            try {
                writeAndDrain(batch, Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                // Already counted as written; the helper keeps serving.
            }
        }
    }
}
