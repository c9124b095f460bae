package dev.antigravity.api.jobs;

import dev.antigravity.api.logging.LogContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Runs one task every {@code interval} on a daemon thread of its own, from {@link #start()} to
 * {@link #close()}. The task gets a fresh correlation id per run (for its audit entries and log
 * line) and says how many things it did. A run that fails (the database briefly away) is logged
 * as one WARNING line and simply retried at the next interval, so nothing is lost and no failure
 * stops the schedule.
 */
public final class PeriodicJob implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PeriodicJob.class.getName());

    private final String name;
    private final Duration interval;
    private final ToIntFunction<String> task;
    private final Tracer tracer;
    private ScheduledExecutorService scheduler;

    public PeriodicJob(String name, Duration interval, ToIntFunction<String> task) {
        this(name, interval, OpenTelemetry.noop(), task);
    }

    /** Each run is a trace of its own in {@code telemetry}: the root span of what the run calls and logs. */
    public PeriodicJob(String name, Duration interval, OpenTelemetry telemetry, ToIntFunction<String> task) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException(name + ": the interval must be positive, not " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.task = task;
        this.tracer = telemetry.getTracer("dev.antigravity.api.jobs");
    }

    // The schedule's Future never holds a failure (runOnce logs and survives every RuntimeException);
    // close() ends it by shutting the scheduler down, so the Future is not kept.
    @SuppressWarnings("FutureReturnValueIgnored")
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name(name).factory());
        scheduler.scheduleWithFixedDelay(
                this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule and waits briefly for a run in progress (its transactions are short). */
    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    private void runOnce() {
        String correlationId = name + "-" + UUID.randomUUID();
        // Log lines (and audit entries) of this run carry its correlation id, like a request's, and its span's trace
        // id; the database statements and the calls out (SES, SNS, Stripe) of the run are children of that span.
        Span span = tracer.spanBuilder(name)
                .setNoParent()
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("job.correlation_id", correlationId)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ScopedValue.where(LogContext.CORRELATION_ID, correlationId).run(() -> {
                try {
                    int done = task.applyAsInt(correlationId);
                    span.setAttribute("job.done", done);
                    if (done > 0) {
                        LOG.log(System.Logger.Level.INFO, name + ": " + done + " done");
                    }
                } catch (RuntimeException e) {
                    span.recordException(e);
                    span.setStatus(StatusCode.ERROR);
                    LOG.log(System.Logger.Level.WARNING, name + " failed, retried in " + interval + ": " + e);
                }
            });
        } finally {
            span.end();
        }
    }
}
