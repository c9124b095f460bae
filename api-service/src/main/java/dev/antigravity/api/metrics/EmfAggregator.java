package dev.antigravity.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gathers EMF observations in memory and writes one document per series (same dimensions, same metrics) that
 * carries up to {@value #MAX_VALUES} values of each metric as an array, as the EMF specification allows: when a
 * series has that many, at once; otherwise every flush interval ({@link #start}) and on {@link #close()} at
 * shutdown, so no observation is lost. One JSON line per request cost the cheap routes 8 % of their CPU (the
 * profile in docs/benchmarks.md, issue 12); a hundred requests now share one line. CloudWatch sees the same
 * samples (Sum, SampleCount, Average and percentiles unchanged); a document is stamped with the time of its first
 * observation, at most one flush interval early.
 */
public final class EmfAggregator implements AutoCloseable {
    /** Values of one metric in one document (the specification's limit for a metric's array). */
    public static final int MAX_VALUES = 100;

    private static final System.Logger LOG = System.getLogger(EmfAggregator.class.getName());

    private final EmfWriter writer;
    private final Clock clock;
    private final ConcurrentHashMap<Series, Buffer> buffers = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    public EmfAggregator(EmfWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** Documents on standard output, flushed every {@code interval} by a daemon thread. */
    public static EmfAggregator stdout(Duration interval) {
        EmfAggregator aggregator = new EmfAggregator(EmfWriter.stdout(), Clock.systemUTC());
        aggregator.start(interval);
        return aggregator;
    }

    /** A metric's name and unit. */
    public record Definition(String name, EmfWriter.Unit unit) {}

    /**
     * What one document describes: the dimension values, the dimension sets (each naming keys of {@code dimensions})
     * and the metrics, whose values {@link #add} takes in this order. Callers keep their series: they are map keys.
     */
    public record Series(Map<String, String> dimensions, List<List<String>> dimensionSets, List<Definition> metrics) {
        public Series {
            EmfWriter.check(dimensions, dimensionSets, metrics.size());
            dimensions = Map.copyOf(dimensions);
            dimensionSets = List.copyOf(dimensionSets);
            metrics = List.copyOf(metrics);
        }
    }

    /** One observation of each metric of {@code series}, in its order. */
    public void add(Series series, double... values) {
        if (values.length != series.metrics().size()) {
            throw new IllegalArgumentException("expected " + series.metrics().size() + " values, got " + values.length);
        }
        Buffer buffer = buffers.get(series);
        if (buffer == null) {
            buffer = buffers.computeIfAbsent(series, s -> new Buffer(s.metrics().size()));
        }
        Batch full = buffer.add(values, clock);
        if (full != null) {
            writer.write(series, full.timestamp(), full.values(), full.size());
        }
    }

    /** Writes every series that holds observations, one document each. */
    public void flush() {
        buffers.forEach((series, buffer) -> {
            Batch batch = buffer.drain();
            if (batch != null) {
                writer.write(series, batch.timestamp(), batch.values(), batch.size());
            }
        });
    }

    /** Flushes every {@code interval} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("metrics.emf.flush must be positive, got " + interval);
        }
        if (flusher != null) {
            throw new IllegalStateException("already started");
        }
        flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("emf-flush").daemon().factory());
        long millis = interval.toMillis();
        // flushLogged never throws, so the future never holds an exception worth reading.
        var _ = flusher.scheduleWithFixedDelay(this::flushLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic flush and writes what is left: called at shutdown, after the server stopped. */
    @Override
    public void close() {
        synchronized (this) {
            if (flusher != null) {
                flusher.shutdownNow();
                flusher = null;
            }
        }
        flush();
    }

    /** A scheduled task that throws is never run again: log and keep flushing. */
    private void flushLogged() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "EMF flush failed: " + e.getMessage(), e);
        }
    }

    /** Observations of one document: {@code values[metric][0..size)}, first observed at {@code timestamp}. */
    private record Batch(long timestamp, double[][] values, int size) {}

    /** The observations of one series not yet written; a short lock per request, no I/O under it. */
    private static final class Buffer {
        private final int metrics;
        private double[][] values;
        private int size;
        private long timestamp;

        Buffer(int metrics) {
            this.metrics = metrics;
            this.values = new double[metrics][MAX_VALUES];
        }

        synchronized Batch add(double[] observation, Clock clock) {
            if (size == 0) {
                timestamp = clock.millis();
            }
            for (int m = 0; m < metrics; m++) {
                values[m][size] = observation[m];
            }
            size++;
            return size == MAX_VALUES ? drain() : null;
        }

        synchronized Batch drain() {
            if (size == 0) {
                return null;
            }
            Batch batch = new Batch(timestamp, values, size);
            values = new double[metrics][MAX_VALUES];
            size = 0;
            return batch;
        }
    }
}
