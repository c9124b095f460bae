package dev.antigravity.api.http.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void allowsTheBurstThenOneRequestPerRefillInterval() {
        TokenBuckets buckets = new TokenBuckets(2.0, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        Duration wait = buckets.take("a");
        assertThat(wait).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(buckets.take("a")).isPositive();
        now.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(buckets.take("a")).isZero();
    }

    @Test
    void callersHaveSeparateBucketsAndRefillIsCappedAtTheBurst() {
        TokenBuckets buckets = new TokenBuckets(1.0, 2, 100, now::get);
        buckets.take("a");
        buckets.take("a");
        assertThat(buckets.take("a")).isPositive();
        assertThat(buckets.take("b")).isZero();
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void quietCallersAreEvictedWhenTooManyKeysAreTracked() {
        TokenBuckets buckets = new TokenBuckets(10.0, 1, 3, now::get);
        for (String key : new String[] {"a", "b", "c"}) {
            buckets.take(key);
        }
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        buckets.take("d");
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void busyCallersAreNotEvictedSoTheirLimitCannotBeResetByFloodingKeys() {
        TokenBuckets buckets = new TokenBuckets(0.001, 1, 2, now::get);
        buckets.take("victim");
        buckets.take("x");
        buckets.take("y");
        assertThat(buckets.take("victim")).isPositive();
    }
}
