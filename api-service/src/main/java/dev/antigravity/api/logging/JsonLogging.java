package dev.antigravity.api.logging;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Replaces the JDK's default console logging with JSON lines on standard output. */
public final class JsonLogging {
    private JsonLogging() {
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
}
