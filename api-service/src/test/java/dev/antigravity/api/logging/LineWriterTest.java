package dev.antigravity.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.testsupport.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineWriterTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern LINE = Pattern.compile("thread (\\d+) line (\\d+) (x+) end");

    private final Sink sink = new Sink();
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        sink.open(Integer.MAX_VALUE);
        for (Thread thread : started) {
            thread.join(BOUND.toMillis());
        }
    }

    @ParameterizedTest(name = "linger {0} µs")
    @ValueSource(longs = {0, 1_000})
    void linesFromManyThreadsArriveWholeInEachThreadsOrderAndNoneIsLost(long lingerMicros) throws Exception {
        // 512 bytes may wait for 16 threads: callers keep hitting the bound, so backpressure is part of this test.
        LineWriter writer =
                new LineWriter(sink.stream(), 512, Duration.ofNanos(lingerMicros * 1_000), "test-line-writer");
        int threads = 16;
        int linesEach = 2_000;
        for (int t = 0; t < threads; t++) {
            int thread = t;
            start(() -> {
                for (int i = 0; i < linesEach; i++) {
                    byte[] line = line(thread, i, 1 + (thread * 31 + i * 17) % 300);
                    if (i % 50 == 49) {
                        writer.writeNow(line); // a WARNING among the INFO lines
                    } else {
                        writer.write(line);
                    }
                }
            });
        }
        joinAll();
        writer.flush();

        assertWholeAndInOrder(sink.text(), threads, linesEach);
    }

    @Test
    void anIdleWriterWritesTheLineOnTheCallersThreadBeforeReturning() {
        LineWriter writer = new LineWriter(sink.stream(), 1024, "test-line-writer");
        writer.write(line(0, 0, 3));
        assertThat(sink.text()).isEqualTo(text(line(0, 0, 3)));
        assertThat(sink.writes()).isEqualTo(1);
    }

    @Test
    void linesArrivingDuringAWriteAreWrittenTogetherInTheNextWriteByTheWritingThread() throws Exception {
        LineWriter writer = new LineWriter(sink.stream(), 1024, "test-line-writer");
        sink.stall();
        Thread first = start(() -> writer.write(line(0, 0, 5)));
        Eventually.assertThat(BOUND, () -> assertThat(sink.blockedWriters()).isEqualTo(1));
        for (int t = 1; t <= 3; t++) {
            writer.write(line(t, 0, 5)); // returns at once: queued behind the write in progress
        }
        assertThat(sink.text()).isEmpty();

        sink.open(Integer.MAX_VALUE);
        first.join(BOUND.toMillis());
        assertThat(first.isAlive()).isFalse();
        assertThat(sink.writes()).isEqualTo(2);
        assertWholeAndInOrder(sink.text(), 4, 1);
        assertThat(writer.handOvers()).isZero();
    }

    @Test
    void aCallerWaitsWhileTheWaitingLinesFillTheCapacityAndItsLineFollowsOnceTheStreamMoves() throws Exception {
        LineWriter writer = new LineWriter(sink.stream(), 100, "test-line-writer");
        sink.stall(); // the stream stops taking bytes, as a stalled log driver would
        start(() -> writer.write(line(0, 0, 5)));
        Eventually.assertThat(BOUND, () -> assertThat(sink.blockedWriters()).isEqualTo(1));
        writer.write(line(0, 1, 60));
        Thread blocked = start(() -> writer.write(line(0, 2, 60)));
        Eventually.assertThat(BOUND, () -> assertThat(blocked.getState()).isEqualTo(Thread.State.WAITING));

        sink.open(Integer.MAX_VALUE);
        blocked.join(BOUND.toMillis());
        assertThat(blocked.isAlive()).isFalse();
        writer.flush();
        assertWholeAndInOrder(sink.text(), 1, 3);
    }

    @Test
    void afterItsBatchesTheLoggingThreadReturnsAndTheHelperWritesWhatIsLeft() throws Exception {
        LineWriter writer = new LineWriter(sink.stream(), 1024, "test-line-writer");
        sink.stall();
        Thread logging = start(() -> writer.write(line(0, 0, 5)));
        for (int batch = 1; batch <= LineWriter.CALLER_BATCHES + 1; batch++) {
            int queued = batch;
            Eventually.assertThat(BOUND, () -> assertThat(sink.blockedWriters()).isEqualTo(1));
            writer.write(line(queued, 0, 5)); // arrives while the logging thread writes
            sink.open(1); // lets that one write through; the logging thread then takes the line just queued
            Eventually.assertThat(BOUND, () -> assertThat(sink.writes()).isEqualTo(queued));
        }
        // Its own line and CALLER_BATCHES batches written, one line still waiting: handed over, not written by it.
        logging.join(BOUND.toMillis());
        assertThat(logging.isAlive()).isFalse();
        assertThat(writer.handOvers()).isEqualTo(1);

        sink.open(Integer.MAX_VALUE);
        writer.flush();
        assertWholeAndInOrder(sink.text(), LineWriter.CALLER_BATCHES + 2, 1);
        writer.write(line(9, 0, 5)); // the write ended: a new line is written by its caller again
        assertThat(sink.text()).endsWith(text(line(9, 0, 5)));
    }

    @Test
    void flushWaitsForTheLinesQueuedBehindAnotherThreadsWrite() throws Exception {
        LineWriter writer = new LineWriter(sink.stream(), 1024, "test-line-writer");
        sink.stall();
        start(() -> writer.write(line(0, 0, 5)));
        Eventually.assertThat(BOUND, () -> assertThat(sink.blockedWriters()).isEqualTo(1));
        writer.write(line(1, 0, 5));
        Thread flushing = start(writer::flush);
        Eventually.assertThat(BOUND, () -> assertThat(flushing.getState()).isEqualTo(Thread.State.WAITING));

        sink.open(Integer.MAX_VALUE);
        flushing.join(BOUND.toMillis());
        assertThat(flushing.isAlive()).isFalse();
        assertWholeAndInOrder(sink.text(), 2, 1);
    }

    @Test
    void anInterruptedCallerStillWritesItsLinesAndKeepsTheInterrupt() throws Exception {
        LineWriter writer = new LineWriter(sink.stream(), 64, "test-line-writer");
        boolean[] interruptedAfter = new boolean[1];
        Thread caller = start(() -> {
            Thread.currentThread().interrupt();
            for (int i = 0; i < 100; i++) {
                writer.write(line(0, i, 3));
            }
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        caller.join(BOUND.toMillis());
        writer.flush();
        assertWholeAndInOrder(sink.text(), 1, 100);
        assertThat(interruptedAfter[0]).isTrue();
    }

    @Test
    void aSevereRecordQueuedBehindAnotherThreadsWriteIsOnTheStreamWhenPublishReturns() throws Exception {
        StdoutHandler handler = new StdoutHandler(sink.stream(), Duration.ZERO);
        sink.stall();
        start(() -> handler.publish(new LogRecord(Level.INFO, "info")));
        Eventually.assertThat(BOUND, () -> assertThat(sink.blockedWriters()).isEqualTo(1));
        Thread dying = start(() -> handler.publish(new LogRecord(Level.SEVERE, "dying")));
        Eventually.assertThat(BOUND, () -> assertThat(dying.getState()).isEqualTo(Thread.State.WAITING));

        sink.open(Integer.MAX_VALUE);
        dying.join(BOUND.toMillis());
        assertThat(dying.isAlive()).isFalse();
        String[] lines = sink.text().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("\"level\":\"SEVERE\"").contains("\"message\":\"dying\"");
    }

    @Test
    void infoLinesOfSeveralThreadsWithinTheLingerWaitAndGoOutInOneWriteOnFlush() throws Exception {
        LineWriter writer = new LineWriter(sink.stream(), 1024, Duration.ofHours(1), "test-line-writer");
        for (int t = 0; t < 4; t++) {
            int thread = t;
            start(() -> {
                for (int i = 0; i < 3; i++) {
                    writer.write(line(thread, i, 5));
                }
            });
        }
        joinAll();
        assertThat(sink.writes()).as("no request thread wrote its line").isZero();

        writer.flush();
        assertThat(sink.writes()).isEqualTo(1);
        assertWholeAndInOrder(sink.text(), 4, 3);
    }

    @Test
    void infoLinesOfSeveralThreadsGoOutInOneWriteOnceTheLingerHasPassed() throws Exception {
        LineWriter writer = new LineWriter(sink.stream(), 1024, Duration.ofSeconds(2), "test-line-writer");
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            start(() -> {
                go.await();
                writer.write(line(thread, 0, 5));
                writer.write(line(thread, 1, 5));
                return null;
            });
        }
        go.countDown();
        joinAll();

        Eventually.assertThat(BOUND, () -> assertThat(sink.writes()).isEqualTo(1));
        assertWholeAndInOrder(sink.text(), 4, 2);
    }

    @Test
    void withNothingToWriteTheHelperWaitsWithoutATimeout() throws Exception {
        LineWriter writer = new LineWriter(sink.stream(), 1024, Duration.ofMillis(20), "test-idle-line-writer");
        writer.write(line(0, 0, 5));
        Eventually.assertThat(BOUND, () -> assertThat(sink.writes()).isEqualTo(1));

        // An idle server's helper sleeps until the next line, not on a timer (no periodic wake-ups).
        Eventually.assertThat(
                BOUND,
                () -> assertThat(helper("test-idle-line-writer").getState()).isEqualTo(Thread.State.WAITING));
        writer.write(line(0, 1, 5));
        Eventually.assertThat(BOUND, () -> assertThat(sink.writes()).isEqualTo(2));
        assertWholeAndInOrder(sink.text(), 1, 2);
    }

    @Test
    void aLineThatDoesNotFitBesideTheLingeringLinesGetsThemWrittenAtOnce() {
        LineWriter writer = new LineWriter(sink.stream(), 100, Duration.ofHours(1), "test-line-writer");
        for (int i = 0; i < 10; i++) {
            writer.write(line(0, i, 60)); // each call returns: the capacity bounds what waits, not the linger
        }
        assertThat(sink.writes()).isEqualTo(9);
        writer.flush();
        assertWholeAndInOrder(sink.text(), 1, 10);
    }

    @Test
    void aWarningIsOnTheStreamWhenPublishReturnsTogetherWithTheInfoLinesBeforeIt() throws Exception {
        StdoutHandler handler = new StdoutHandler(sink.stream(), Duration.ofHours(1));
        start(() -> handler.publish(new LogRecord(Level.INFO, "first"))).join(BOUND.toMillis());
        handler.publish(new LogRecord(Level.INFO, "second"));
        assertThat(sink.writes()).isZero();

        handler.publish(new LogRecord(Level.WARNING, "careful"));
        assertThat(sink.writes()).isEqualTo(1);
        String[] lines = sink.text().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("\"message\":\"first\"");
        assertThat(lines[1]).contains("\"message\":\"second\"");
        assertThat(lines[2]).contains("\"level\":\"WARNING\"").contains("\"message\":\"careful\"");
    }

    @Test
    void aWarningQueuedBehindTheHelpersWriteIsOnTheStreamWhenPublishReturns() throws Exception {
        StdoutHandler handler = new StdoutHandler(sink.stream(), Duration.ofMillis(1));
        sink.stall();
        start(() -> handler.publish(new LogRecord(Level.INFO, "info"))); // today's code: this thread writes it
        Eventually.assertThat(BOUND, () -> assertThat(sink.blockedWriters()).isEqualTo(1)); // the helper's write
        Thread warning = start(() -> handler.publish(new LogRecord(Level.WARNING, "careful")));
        Eventually.assertThat(BOUND, () -> assertThat(warning.getState()).isEqualTo(Thread.State.WAITING));

        sink.open(Integer.MAX_VALUE);
        warning.join(BOUND.toMillis());
        assertThat(warning.isAlive()).isFalse();
        String[] lines = sink.text().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("\"message\":\"careful\"");
    }

    private static Thread helper(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static byte[] line(int thread, int index, int padding) {
        return ("thread " + thread + " line " + index + " " + "x".repeat(padding) + " end\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static void assertWholeAndInOrder(String text, int threads, int linesEach) {
        assertThat(text).endsWith("\n");
        Map<Integer, Integer> next = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as("a whole line: %s", line).isTrue();
            int thread = Integer.parseInt(m.group(1));
            int index = Integer.parseInt(m.group(2));
            assertThat(index).as("thread %d's lines in order", thread).isEqualTo(next.getOrDefault(thread, 0));
            next.put(thread, index + 1);
        }
        assertThat(next).hasSize(threads);
        assertThat(next.values()).allMatch(count -> count == linesEach);
    }

    private Thread start(Runnable body) {
        Thread thread = Thread.ofPlatform().start(body);
        started.add(thread);
        return thread;
    }

    private Thread start(Callable<?> body) {
        return start(() -> {
            try {
                body.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void joinAll() throws InterruptedException {
        for (Thread thread : started) {
            thread.join(BOUND.toMillis());
            assertThat(thread.isAlive()).isFalse();
        }
    }

    /** An in-memory stream that counts writes and can be stalled, as a pipe whose reader stopped reading. */
    private static final class Sink extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        /** Writes that may still pass; the rest wait. */
        private int permits = Integer.MAX_VALUE;

        private int blocked;
        private int writes;

        PrintStream stream() {
            return new PrintStream(this, false, StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            blocked++;
            try {
                while (permits == 0) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                blocked--;
            }
            if (permits != Integer.MAX_VALUE) {
                permits--;
            }
            writes++;
            bytes.write(b, off, len);
        }

        synchronized void stall() {
            permits = 0;
        }

        /** Lets {@code writes} more writes through ({@code Integer.MAX_VALUE}: all from now on). */
        synchronized void open(int more) {
            permits = more == Integer.MAX_VALUE ? more : permits + more;
            notifyAll();
        }

        synchronized int blockedWriters() {
            return blocked;
        }

        synchronized int writes() {
            return writes;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
