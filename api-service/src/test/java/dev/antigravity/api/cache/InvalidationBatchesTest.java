package dev.antigravity.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.api.testsupport.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The batching itself, with a sender the test holds: which ids go out in which batch, and when each caller may
 * return. The same guarantee over a real redis-server: {@link RedisInvalidationTest}. The linger is measured on a
 * clock the test moves, so what goes out together never depends on how fast this machine runs the callers.
 */
class InvalidationBatchesTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Long enough that a batch waiting for it would fail the test's 10-s waits. */
    private static final Duration HOUR = Duration.ofHours(1);

    /** Each send blocks until the test answers it, and is recorded with the ids it carried. */
    private final HeldSender sender = new HeldSender();

    /** Without a linger: every batch goes out as soon as the one before it is answered. */
    private InvalidationBatches batches = new InvalidationBatches(sender, Duration.ZERO, System::nanoTime);

    /** Starts an hour and a half before {@code nanoTime}'s overflow: deadlines are compared as differences. */
    private final TestClock clock =
            new TestClock(Long.MAX_VALUE - Duration.ofMinutes(90).toNanos());

    @Test
    void aCallerWithNothingInFlightSendsAtOnce() throws Exception {
        CompletableFuture<Boolean> call = invalidateAsync(1L, 2L);

        assertThat(sender.awaitSend()).containsExactlyInAnyOrder(1L, 2L);
        sender.answer(true);
        assertThat(call.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(batches.owing()).isFalse();
    }

    @Test
    void callersArrivingDuringABatchGoOutTogetherInTheNextOneAndReturnOnlyAfterIt() throws Exception {
        CompletableFuture<Boolean> first = invalidateAsync(1L);
        assertThat(sender.awaitSend()).containsExactly(1L);

        // Id 1 again: it is in the batch in flight, but that batch's keys were taken before this call.
        List<CompletableFuture<Boolean>> waiting =
                List.of(invalidateAsync(2L), invalidateAsync(3L, 1L), invalidateAsync(4L));
        Eventually.assertThat(
                BOUND, () -> assertThat(sender.threadsBlockedIn(batches)).isEqualTo(3));
        sender.answer(true);
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();

        assertThat(sender.awaitSend()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        Thread.sleep(50);
        assertThat(waiting)
                .as("nobody returns before the batch carrying its ids is answered")
                .noneMatch(CompletableFuture::isDone);
        sender.answer(true);
        for (CompletableFuture<Boolean> call : waiting) {
            assertThat(call.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sender.sends()).isEqualTo(2);
    }

    @Test
    void aFailedBatchIsOwedUntilALaterBatchCarriesItsIds() throws Exception {
        CompletableFuture<Boolean> failed = invalidateAsync(1L, 2L);
        sender.awaitSend();
        sender.answer(false);
        assertThat(failed.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(batches.owing()).isTrue();

        CompletableFuture<Boolean> settled = CompletableFuture.supplyAsync(batches::settle);
        assertThat(sender.awaitSend()).containsExactlyInAnyOrder(1L, 2L);
        sender.answer(false);
        assertThat(settled.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(batches.owing()).isTrue();

        CompletableFuture<Boolean> next = invalidateAsync(3L);
        assertThat(sender.awaitSend()).containsExactlyInAnyOrder(1L, 2L, 3L);
        sender.answer(true);
        assertThat(next.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(batches.owing()).isFalse();

        assertThat(batches.settle()).as("nothing owed: nothing sent").isTrue();
        assertThat(sender.sends()).isEqualTo(3);
    }

    @Test
    void aSendThatThrowsLeavesItsIdsOwedAndTheNextBatchStillGoesOut() throws Exception {
        CompletableFuture<Boolean> thrown = invalidateAsync(1L);
        sender.awaitSend();
        CompletableFuture<Boolean> waiting = invalidateAsync(2L);
        Eventually.assertThat(
                BOUND, () -> assertThat(sender.threadsBlockedIn(batches)).isEqualTo(1));
        sender.fail(new IllegalStateException("the client broke"));

        assertThatThrownBy(() -> thrown.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the client broke");
        assertThat(sender.awaitSend()).containsExactlyInAnyOrder(1L, 2L);
        sender.answer(true);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(batches.owing()).isFalse();
    }

    @Test
    void callersArrivingWithinALingerOfTheLastBatchWaitForItToPassAndShareOneSend() throws Exception {
        // A real wait per check, so that a caller blocked on real time would have sent by the time the test looks.
        Duration linger = Duration.ofMillis(200);
        batches = new InvalidationBatches(sender, linger, clock);
        CompletableFuture<Boolean> first = invalidateAsync(1L);
        assertThat(sender.awaitSend()).as("nothing was sent before: at once").containsExactly(1L);
        sender.answer(true);
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();

        clock.advance(linger.dividedBy(2));
        List<CompletableFuture<Boolean>> calls =
                List.of(invalidateAsync(2L), invalidateAsync(3L), invalidateAsync(4L, 2L));
        Eventually.assertThat(
                BOUND, () -> assertThat(sender.threadsBlockedIn(batches)).isEqualTo(3));
        Thread.sleep(linger.multipliedBy(3).toMillis());
        assertThat(sender.sends())
                .as("nothing in flight, but the last batch started less than a linger ago: the callers wait")
                .isEqualTo(1);

        clock.advance(linger.dividedBy(2));
        assertThat(sender.awaitSend()).containsExactlyInAnyOrder(2L, 3L, 4L);
        Thread.sleep(50);
        assertThat(calls)
                .as("nobody returns before the batch carrying its ids is answered")
                .noneMatch(CompletableFuture::isDone);
        sender.answer(true);
        for (CompletableFuture<Boolean> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sender.sends()).isEqualTo(2);
    }

    @Test
    void aCallerALingerAfterTheLastBatchStartedSendsAtOnce() throws Exception {
        batches = new InvalidationBatches(sender, HOUR, clock);
        CompletableFuture<Boolean> first = invalidateAsync(1L);
        assertThat(sender.awaitSend()).containsExactly(1L);
        sender.answer(true);
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();

        clock.advance(HOUR);
        CompletableFuture<Boolean> quiet = invalidateAsync(2L);
        assertThat(sender.awaitSend()).as("writes are rare: no wait").containsExactly(2L);
        sender.answer(true);
        assertThat(quiet.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBatchThatWaitedLongerThanTheLingerForTheOneInFlightGoesOutAsSoonAsThatOneIsAnswered() throws Exception {
        batches = new InvalidationBatches(sender, HOUR, clock);
        CompletableFuture<Boolean> first = invalidateAsync(1L);
        sender.awaitSend();
        CompletableFuture<Boolean> waiting = invalidateAsync(2L);
        Eventually.assertThat(
                BOUND, () -> assertThat(sender.threadsBlockedIn(batches)).isEqualTo(1));

        clock.advance(HOUR);
        sender.answer(true);
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sender.awaitSend()).containsExactly(2L);
        sender.answer(true);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailedBatchsIdsGoOutWithTheBatchThatLingeredAfterIt() throws Exception {
        Duration linger = Duration.ofMillis(200);
        batches = new InvalidationBatches(sender, linger, clock);
        CompletableFuture<Boolean> failed = invalidateAsync(1L);
        sender.awaitSend();
        sender.answer(false);
        assertThat(failed.get(10, TimeUnit.SECONDS)).isFalse();

        CompletableFuture<Boolean> next = invalidateAsync(2L);
        Eventually.assertThat(
                BOUND, () -> assertThat(sender.threadsBlockedIn(batches)).isEqualTo(1));
        assertThat(batches.owing()).isTrue();
        clock.advance(linger);
        assertThat(sender.awaitSend()).containsExactlyInAnyOrder(1L, 2L);
        sender.answer(true);
        assertThat(next.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(batches.owing()).isFalse();
    }

    private CompletableFuture<Boolean> invalidateAsync(Long... ids) {
        InvalidationBatches batches = this.batches;
        CompletableFuture<Boolean> call = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                call.complete(batches.invalidate(List.of(ids)));
            } catch (RuntimeException e) {
                call.completeExceptionally(e);
            }
        });
        return call;
    }

    /** A sender the test answers by hand, one send at a time. */
    private static final class HeldSender implements java.util.function.Predicate<Set<Long>> {
        private final LinkedBlockingQueue<List<Long>> sent = new LinkedBlockingQueue<>();
        private final LinkedBlockingQueue<Object> answers = new LinkedBlockingQueue<>();
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private final AtomicInteger sends = new AtomicInteger();
        private volatile Thread sendingThread;

        @Override
        public boolean test(Set<Long> ids) {
            assertThat(inFlight.compareAndSet(false, true))
                    .as("one batch at a time")
                    .isTrue();
            sendingThread = Thread.currentThread();
            sends.incrementAndGet();
            sent.add(List.copyOf(ids));
            try {
                Object answer = answers.poll(10, TimeUnit.SECONDS);
                if (answer instanceof RuntimeException e) {
                    throw e;
                }
                return Boolean.TRUE.equals(answer);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                sendingThread = null;
                inFlight.set(false);
            }
        }

        List<Long> awaitSend() throws InterruptedException {
            List<Long> ids = sent.poll(10, TimeUnit.SECONDS);
            assertThat(ids).as("a batch was sent").isNotNull();
            return ids;
        }

        void answer(boolean confirmed) {
            answers.add(confirmed);
        }

        void fail(RuntimeException e) {
            answers.add(e);
        }

        int sends() {
            return sends.get();
        }

        /** Platform threads parked inside {@link InvalidationBatches} (waiting for a batch or a linger), the sender's excluded. */
        long threadsBlockedIn(InvalidationBatches batches) {
            return Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey() != sendingThread)
                    .filter(e -> e.getKey().getState() == Thread.State.WAITING
                            || e.getKey().getState() == Thread.State.TIMED_WAITING)
                    .filter(e -> java.util.Arrays.stream(e.getValue())
                            .anyMatch(frame -> frame.getClassName().equals(InvalidationBatches.class.getName())
                                    && frame.getMethodName().equals("invalidate")))
                    .count();
        }
    }

    /** {@code nanoTime} as the test sets it. */
    private static final class TestClock implements LongSupplier {
        private final AtomicLong now;

        TestClock(long start) {
            now = new AtomicLong(start);
        }

        @Override
        public long getAsLong() {
            return now.get();
        }

        void advance(Duration by) {
            now.addAndGet(by.toNanos());
        }
    }
}
