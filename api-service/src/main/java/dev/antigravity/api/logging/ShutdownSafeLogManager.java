package dev.antigravity.api.logging;

import java.util.logging.LogManager;

/**
 * The JDK resets logging from its own shutdown hook, concurrently with ours, so the lines that
 * matter most on SIGTERM (draining, requests served during the drain, shutdown complete) would
 * be dropped. This manager turns only that reset into a flush of standard output (the lines written so far are
 * on it, and the handlers stay for the lines still to come); the graceful shutdown flushes again at its end.
 * Installed by {@link JsonLogging#useShutdownSafeManager()} before anything logs.
 */
public final class ShutdownSafeLogManager extends LogManager {
    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().startsWith(LogManager.class.getName() + "$Cleaner")) {
            StandardOutput.flush();
            return;
        }
        super.reset();
    }
}
