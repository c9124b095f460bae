package dev.antigravity.api.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes formatted records to standard output (JUL's ConsoleHandler uses standard error), one whole line per record,
 * so that container log drivers never hold half a line. The caller encodes its line to bytes; a {@link LineWriter}
 * writes it together with other lines: an INFO line (the access log's) within the writer's linger, by its helper
 * thread. A WARNING or SEVERE record is on the stream when {@code publish} returns, after every line published before
 * it (it is often the last thing a dying process says); {@link #flush()} waits for every line published before it.
 */
public final class StdoutHandler extends Handler {
    private final LineWriter out;

    /** Standard output, through the writer the EMF metrics share. */
    public StdoutHandler() {
        this(StandardOutput.lines());
    }

    /** Any stream, through a writer of its own with this linger. */
    public StdoutHandler(PrintStream out, Duration linger) {
        this(new LineWriter(out, StandardOutput.WAITING_BYTES, linger, "log-writer"));
    }

    private StdoutHandler(LineWriter out) {
        this.out = out;
        setFormatter(new JsonLogFormatter());
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        byte[] line;
        try {
            line = getFormatter() instanceof JsonLogFormatter json
                    ? json.encode(record)
                    : getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                out.writeNow(line);
            } else {
                out.write(line);
            }
        } catch (RuntimeException e) {
            reportError("cannot write log record", e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        // Standard output belongs to the process, not to this handler; later records are still written.
        flush();
    }
}
