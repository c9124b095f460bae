package dev.antigravity.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** /health's liveness checks run at most once per interval, and never twice at the same time. */
class CachedLivenessChecksTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(1_000);
    private final CountingCheck check = new CountingCheck();

    @Test
    void servesTheCachedResultWithinTheIntervalAndReevaluatesAfterIt() {
        var liveness = new CachedLivenessChecks(INTERVAL, now::get, List.of(check));

        for (int i = 0; i < 100; i++) {
            assertThat(liveness.current().up()).isTrue();
            now.addAndGet(INTERVAL.toNanos() / 200);
        }
        assertThat(check.calls).hasValue(1);

        now.addAndGet(INTERVAL.toNanos());
        check.up = false;
        CachedLivenessChecks.Result result = liveness.current();
        assertThat(check.calls).hasValue(2);
        assertThat(result.up()).isFalse();
        assertThat(result.checks()).containsEntry("counting", "DOWN");
    }

    @Test
    void aZeroIntervalEvaluatesEveryCall() {
        var liveness = new CachedLivenessChecks(Duration.ZERO, now::get, List.of(check));
        liveness.current();
        liveness.current();
        liveness.current();
        assertThat(check.calls).hasValue(3);
    }

    @Test
    void whileOneCallerRefreshesTheOthersGetThePreviousResultWithoutRunningTheChecks() throws Exception {
        var liveness = new CachedLivenessChecks(INTERVAL, now::get, List.of(check));
        liveness.current();
        now.addAndGet(INTERVAL.toNanos());
        check.block = new CountDownLatch(1);
        check.entered = new CountDownLatch(1);

        Thread refresher = Thread.ofVirtual().start(liveness::current);
        check.entered.await();
        for (int i = 0; i < 50; i++) {
            assertThat(liveness.current().up()).isTrue();
        }
        assertThat(check.calls).hasValue(2);

        check.block.countDown();
        refresher.join();
        assertThat(check.calls).hasValue(2);
    }

    private static final class CountingCheck implements HealthCheck {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean up = true;
        volatile CountDownLatch entered;
        volatile CountDownLatch block;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public HealthCheckResponse call() {
            calls.incrementAndGet();
            if (entered != null) {
                entered.countDown();
                try {
                    block.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return HealthCheckResponse.builder().status(up).build();
        }
    }
}
