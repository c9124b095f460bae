package dev.antigravity.api.logging;

import java.io.PrintStream;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes formatted records to standard output (JUL's ConsoleHandler uses standard error), one
 * line per record, flushed at once so that container log drivers never hold half a line.
 */
public final class StdoutHandler extends Handler {
    private final PrintStream out;

    public StdoutHandler() {
        this(System.out);
    }

    public StdoutHandler(PrintStream out) {
        this.out = out;
        setFormatter(new JsonLogFormatter());
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("cannot format log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        synchronized (out) {
            out.print(line);
            out.flush();
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        // Standard output belongs to the process, not to this handler.
        flush();
    }
}
