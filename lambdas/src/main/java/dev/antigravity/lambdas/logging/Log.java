package dev.antigravity.lambdas.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured JSON logging: one JSON object per line on stdout (Lambda ships stdout to CloudWatch Logs, where
 * Logs Insights reads the fields), with the {@link LogContext} fields on every line. No logging framework: it
 * would cost cold-start time and jar size for what is one line of JSON.
 */
public final class Log {
    /** Null: whatever System.out is at the time of writing (the CLI points it at stderr while a handler runs). */
    private static volatile PrintStream out;

    private final String logger;

    private Log(String logger) {
        this.logger = logger;
    }

    public static Log of(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    /** Tests capture the output here; null goes back to System.out. */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    public void info(String message, Object... fieldsAndValues) {
        write("INFO", message, null, fieldsAndValues);
    }

    public void warn(String message, Object... fieldsAndValues) {
        write("WARN", message, null, fieldsAndValues);
    }

    public void error(String message, Throwable error, Object... fieldsAndValues) {
        write("ERROR", message, error, fieldsAndValues);
    }

    private void write(String level, String message, Throwable error, Object... fieldsAndValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("message", message);
        line.putAll(LogContext.current());
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            line.put(String.valueOf(fieldsAndValues[i]), fieldsAndValues[i + 1]);
        }
        if (error != null) {
            line.put("error", error.getClass().getName() + ": " + error.getMessage());
        }
        PrintStream target = out;
        (target == null ? System.out : target).println(Json.object(line));
    }
}
