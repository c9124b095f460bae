package dev.antigravity.api.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.antigravity.api.logging.LogContext;
import dev.antigravity.api.testsupport.Eventually;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicJobTest {

    /** A run that fails (the database briefly away) is one WARNING line, and the next run comes anyway. */
    @Test
    void aFailedRunIsLoggedAndTheScheduleGoesOnWithACorrelationIdPerRun() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        List<String> seenIds = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(PeriodicJob.class.getName());
        logger.addHandler(capture);
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicJob job = new PeriodicJob("test-job", Duration.ofMillis(20), correlationId -> {
            seenIds.add(correlationId + "=" + LogContext.correlationId().orElse("unbound"));
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return 1;
        })) {
            job.start();
            Eventually.assertThat(Duration.ofSeconds(5), () -> assertThat(runs.get()).isGreaterThanOrEqualTo(3));
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(records).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(1)
                .first().satisfies(r -> assertThat(r.getMessage()).contains("test-job failed", "database away"));
        assertThat(seenIds).allSatisfy(pair -> {
            String[] ids = pair.split("=");
            assertThat(ids[0]).startsWith("test-job-").isEqualTo(ids[1]);
        });
        assertThat(seenIds).doesNotHaveDuplicates();
    }
}
