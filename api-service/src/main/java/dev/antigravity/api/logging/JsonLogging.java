package dev.antigravity.api.logging;

import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Replaces the JDK's default console logging with JSON lines on standard output. */
public final class JsonLogging {
    private JsonLogging() {}

    /**
     * Must run before the first logger is created (the JDK reads this property once); later
     * calls have no effect, which only costs the log lines written during shutdown.
     */
    public static void useShutdownSafeManager() {
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
    }

    /**
     * How long an INFO line waits for others before they are written together (the default of {@code log.linger}):
     * at the order benchmark's ~1,400 requests/s about 7 access-log lines share one write and one wake-up of the
     * writer's helper, and a kill -9 loses at most this much of the INFO lines.
     */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);

    /** @param level a java.util.logging level name, e.g. INFO or FINE */
    public static void install(String level) {
        install(level, DEFAULT_LINGER);
    }

    /**
     * @param level a java.util.logging level name, e.g. INFO or FINE
     * @param linger how long an INFO line may wait for others before it is written (zero: at once, by its caller)
     */
    public static void install(String level, Duration linger) {
        StandardOutput.useLinger(linger);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new StdoutHandler());
        root.setLevel(Level.parse(level));
    }

    /**
     * Waits until every line logged so far (the EMF lines too) is on standard output: the last step of a shutdown,
     * because a line may still wait behind another thread's write, and the JVM halts once the shutdown hooks return.
     */
    public static void flush() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
        StandardOutput.flush();
    }
}
