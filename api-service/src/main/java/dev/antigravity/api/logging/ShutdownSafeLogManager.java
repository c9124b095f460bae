package dev.antigravity.api.logging;

import java.util.logging.LogManager;

/**
 * The JDK resets logging from its own shutdown hook, concurrently with ours, so the lines that
 * matter most on SIGTERM (draining, requests served during the drain, shutdown complete) would
 * be dropped. This manager ignores only that reset; handlers flush on every record anyway.
 * Installed by {@link JsonLogging#useShutdownSafeManager()} before anything logs.
 */
public final class ShutdownSafeLogManager extends LogManager {
    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().startsWith(LogManager.class.getName() + "$Cleaner")) {
            return;
        }
        super.reset();
    }
}
