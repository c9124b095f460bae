package dev.antigravity.api.logging;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whole lines to one stream, many lines per write, with as few writes as possible made by the threads that log.
 *
 * <p>With a linger (production: {@code log.linger}), {@link #write} only appends the line to a buffer: a request
 * thread never pays a write system call for an INFO line. The line that makes the buffer non-empty wakes a helper
 * thread (once, not per line); the helper waits until that line has waited the linger and then writes everything
 * waiting in one write, and again while lines keep coming. With nothing waiting the helper sleeps without a timeout
 * (no wake-ups on an idle server). {@link #writeNow} (WARNING and SEVERE) and {@link #flush()} do not wait for the
 * helper: they write what is waiting themselves and return once their line, and every line accepted before it, is
 * on the stream. A line that would take the buffer past {@code capacity} bytes first gets the waiting lines written
 * at once. The earlier writer thread that wrote every line as it came (docs/benchmarks.md, issue 12) was woken for
 * nearly every line and cost more CPU than it saved; the linger is what makes the helper's wake-up and write pay for
 * many lines.
 *
 * <p>With no linger (zero), the thread that finds no write in progress writes its own line at once, as a plain
 * flushed write would; lines that arrive meanwhile are appended to the buffer and the writing thread writes them
 * next, as one write. It writes at most {@link #CALLER_BATCHES} such batches for others; if lines are still waiting
 * after them, the helper takes over and writes until none are left, so no thread is held long by others' logging.
 *
 * <p>No line is lost or torn: each line is appended whole and every write carries whole lines; the lines of one
 * thread stay in its order (every line enters one sequence under one lock, and one write is in progress at a time).
 * A caller waits while more than {@code capacity} bytes are waiting behind a write in progress (backpressure behind
 * a stalled stream, never a drop). What a crash without shutdown (kill -9) can lose is the lines not yet written at
 * that moment: the INFO lines of the last linger (at most {@code capacity} bytes), or without a linger the lines
 * waiting behind the write in progress; a WARNING or SEVERE line that was logged is on the stream with all before
 * it. The graceful shutdown and the JDK's logging reset flush ({@link JsonLogging#flush()}).
 *
 * <p>Hand-written because JUL, which this service logs through (as Helidon does), has no asynchronous or batching
 * handler; see the README's logging section.
 */
public final class LineWriter {
    /** Without a linger: batches of other threads' lines a logging thread writes before the helper takes over. */
    static final int CALLER_BATCHES = 2;

    private static final int INITIAL_BUFFER = 16 * 1024;

    private final PrintStream out;
    private final int capacity;
    private final long lingerNanos;
    private final String helperName;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled after each write: for {@link #flush()}, {@link #writeNow} and callers waiting for buffer space. */
    private final Condition progress = lock.newCondition();

    private final Condition helperTurn = lock.newCondition();

    // Guarded by lock. Without a linger, nothing waits while no write is in progress (a writer stops only on an
    // empty buffer); with one, lines wait for the helper.
    private boolean writing;
    private byte[] waiting = new byte[INITIAL_BUFFER];
    private int waitingBytes;
    private int waitingLines;
    /** When the buffer last became non-empty: the helper writes its lines one linger after that. */
    private long waitingSince;
    /** The buffer the writer wrote from last; swapped with {@code waiting} when it takes a batch, so no copy. */
    private byte[] spare = new byte[INITIAL_BUFFER];

    private long accepted;
    private long written;
    private long handOvers;
    /** Without a linger: the write in progress is the helper's to continue. */
    private boolean helperOwesWrite;
    /** With a linger: the helper waits, without a timeout, for a line to make the buffer non-empty. */
    private boolean helperIdle;

    private Thread helper;

    /** A writer without a linger: every line is written at once by its caller, or by the write in progress. */
    public LineWriter(PrintStream out, int capacity, String helperName) {
        this(out, capacity, Duration.ZERO, helperName);
    }

    /**
     * @param out the stream (the process's standard output in production)
     * @param capacity bytes that may wait before a caller blocks (or, with a linger, gets them written at once)
     * @param linger how long a line given to {@link #write} may wait for others before the helper writes it; zero:
     *     its caller writes it at once
     * @param helperName the name of the helper thread, started the first time it is needed
     */
    public LineWriter(PrintStream out, int capacity, Duration linger, String helperName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 byte, was " + capacity);
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative, was " + linger);
        }
        this.out = out;
        this.capacity = capacity;
        this.lingerNanos = linger.toNanos();
        this.helperName = helperName;
    }

    /**
     * Accepts one whole line (its bytes, line separator included). With a linger it is appended for the helper to
     * write; without one it is written at once, or queued behind the write in progress.
     */
    public void write(byte[] line) {
        if (lingerNanos == 0) {
            writeAtOnce(line);
            return;
        }
        lock.lock();
        try {
            append(line);
            if (helper == null) {
                startHelper();
            } else if (helperIdle) {
                helperIdle = false;
                helperTurn.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes one whole line and returns once it, and every line accepted before it, is on the stream. */
    public void writeNow(byte[] line) {
        lock.lock();
        try {
            append(line);
            writeUpTo(accepted);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every line accepted before this call is on the stream, writing what still waits itself. */
    public void flush() {
        lock.lock();
        try {
            writeUpTo(accepted);
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

    /** Without a linger: today's write, made by the caller that finds no write in progress. */
    private void writeAtOnce(byte[] line) {
        lock.lock();
        try {
            makeRoomFor(line.length);
            accepted++;
            if (writing) {
                appendAccepted(line);
                return;
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        writeAndDrain(new Batch(line, line.length, 1), CALLER_BATCHES);
    }

    /** Under the lock: accepts the line into the buffer once there is room for it. */
    private void append(byte[] line) {
        makeRoomFor(line.length);
        accepted++;
        if (waitingBytes == 0) {
            waitingSince = System.nanoTime();
        }
        appendAccepted(line);
    }

    /**
     * Under the lock: waits while {@code length} more bytes would take the buffer past the capacity (a line larger
     * than the whole capacity still goes in, alone, once the buffer is empty). With no write in progress the waiting
     * lines are written at once, by this caller, rather than after the linger.
     */
    private void makeRoomFor(int length) {
        while (waitingBytes > 0 && waitingBytes + length > capacity) {
            if (writing) {
                progress.awaitUninterruptibly();
            } else {
                writeWaiting();
            }
        }
    }

    /** Under the lock: returns once {@code target} lines are written, writing the waiting ones if nobody is. */
    private void writeUpTo(long target) {
        while (written < target) {
            if (writing) {
                progress.awaitUninterruptibly();
            } else {
                writeWaiting();
            }
        }
    }

    private void appendAccepted(byte[] line) {
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
     * Under the lock, with no write in progress and lines waiting: writes them all in one write, releasing the lock
     * meanwhile (lines keep being accepted), and returns with the lock held again. Without a linger, lines that
     * arrived during this write are handed to the helper: nobody else would write them.
     */
    private void writeWaiting() {
        writing = true;
        Batch batch = takeWaiting();
        lock.unlock();
        RuntimeException failure = null;
        try {
            writeOut(batch);
        } catch (RuntimeException e) {
            failure = e; // counted as written, as in writeAndDrain
        } finally {
            lock.lock();
        }
        written += batch.lines();
        progress.signalAll();
        if (lingerNanos == 0 && waitingBytes > 0) {
            handOver();
        } else {
            writing = false;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One write and one flush: one system call for the whole batch on a {@link PrintStream} of a file. */
    private void writeOut(Batch batch) {
        out.write(batch.bytes(), 0, batch.length());
        out.flush();
    }

    /**
     * Without a linger, called by the one thread that owns the write: writes {@code batch}, then each batch that
     * arrived meanwhile, up to {@code batches} of them; then either nothing is waiting and the write ends, or the
     * helper takes over.
     */
    private void writeAndDrain(Batch batch, int batches) {
        RuntimeException failure = null;
        for (int round = 0; ; round++) {
            try {
                writeOut(batch);
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
            startHelper();
        } else {
            helperTurn.signal();
        }
    }

    private void startHelper() {
        // A daemon: it must never keep the JVM alive; the graceful shutdown flushes (JsonLogging.flush).
        helper = Thread.ofPlatform()
                .name(helperName)
                .daemon(true)
                .start(lingerNanos == 0 ? this::continueHandedOverWrites : this::writeLingeringLines);
    }

    private void continueHandedOverWrites() {
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

    private void writeLingeringLines() {
        lock.lock();
        try {
            while (true) {
                while (waitingBytes == 0) {
                    helperIdle = true;
                    helperTurn.awaitUninterruptibly();
                }
                helperIdle = false;
                long left;
                while (waitingBytes > 0 && (left = waitingSince + lingerNanos - System.nanoTime()) > 0) {
                    // Nobody signals this wait: the lines that arrive meanwhile are the point of it.
                    awaitNanosUninterruptibly(left);
                }
                while (writing) {
                    progress.awaitUninterruptibly(); // a WARNING's or a flush's write, which may take these lines
                }
                if (waitingBytes > 0) {
                    try {
                        writeWaiting();
                    } catch (RuntimeException e) {
                        // Already counted as written; the helper keeps serving.
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Nothing but this writer knows the helper, so nothing has a reason to interrupt it; were it interrupted, the
     * lines would still be written (keeping the interrupt would turn every later wait into a spin).
     */
    private void awaitNanosUninterruptibly(long nanos) {
        try {
            helperTurn.awaitNanos(nanos);
        } catch (InterruptedException e) {
            // Ignored, see above.
        }
    }
}
