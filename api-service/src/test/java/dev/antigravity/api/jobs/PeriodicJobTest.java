package dev.antigravity.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.logging.JsonLogFormatter;
import dev.antigravity.api.logging.LogContext;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.tracing.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

    /** A run that fails (the database briefly away) is one WARNING line, and the next run comes anyway. */
    @Test
    void aFailedRunIsLoggedAndTheScheduleGoesOnWithACorrelationIdPerRun() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        List<String> seenIds = new CopyOnWriteArrayList<>();
        Handler capture = handler(records::add);
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
            Eventually.assertThat(
                    Duration.ofSeconds(30), () -> assertThat(runs.get()).isGreaterThanOrEqualTo(3));
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(records)
                .filteredOn(r -> r.getLevel() == Level.WARNING)
                .hasSize(1)
                .first()
                .satisfies(r -> assertThat(r.getMessage()).contains("test-job failed", "database away"));
        assertThat(seenIds).allSatisfy(pair -> {
            String[] ids = pair.split("=");
            assertThat(ids[0]).startsWith("test-job-").isEqualTo(ids[1]);
        });
        assertThat(seenIds).doesNotHaveDuplicates();
    }

    /** Each run is the root span of a trace of its own, and its log lines carry that trace id beside the correlation id. */
    @Test
    void eachRunIsATraceWhoseIdItsLogLinesCarry() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetry telemetry = Tracing.create("api-test", Sampler.alwaysOn(), SimpleSpanProcessor.create(spans));
        List<JsonNode> lines = new CopyOnWriteArrayList<>();
        JsonLogFormatter formatter = new JsonLogFormatter();
        // Formatted as published, on the job's thread, as the real handler does: the run's span is current there.
        Handler capture = handler(record -> lines.add(parse(formatter.format(record))));
        Logger logger = Logger.getLogger(PeriodicJob.class.getName());
        logger.addHandler(capture);
        try (PeriodicJob job = new PeriodicJob("traced-job", Duration.ofMillis(20), telemetry, correlationId -> 1)) {
            job.start();
            // A run's line is written before its span ends: once two spans ended, their lines are there.
            Eventually.assertThat(
                    Duration.ofSeconds(30),
                    () -> assertThat(spans.getFinishedSpanItems()).hasSizeGreaterThanOrEqualTo(2));
        } finally {
            logger.removeHandler(capture);
        }

        List<SpanData> runs = spans.getFinishedSpanItems();
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.getName()).isEqualTo("traced-job");
            assertThat(run.getParentSpanContext().isValid()).isFalse();
            String correlationId = run.getAttributes().get(AttributeKey.stringKey("job.correlation_id"));
            assertThat(lines)
                    .filteredOn(line -> line.path("correlation_id").asText().equals(correlationId))
                    .singleElement()
                    .satisfies(line -> {
                        assertThat(line.path("message").asText()).isEqualTo("traced-job: 1 done");
                        assertThat(line.path("trace_id").asText()).isEqualTo(run.getTraceId());
                        assertThat(line.path("span_id").asText()).isEqualTo(run.getSpanId());
                    });
        });
        assertThat(runs).extracting(SpanData::getTraceId).doesNotHaveDuplicates();
    }

    /** A handler that gives every record to {@code sink} on the thread that logs it. */
    private static Handler handler(Consumer<LogRecord> sink) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                sink.accept(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + line, e);
        }
    }
}
