package dev.antigravity.api.logging;

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

    /** @param level a java.util.logging level name, e.g. INFO or FINE */
    public static void install(String level) {
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
