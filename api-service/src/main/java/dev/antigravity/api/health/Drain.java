package dev.antigravity.api.health;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the service is shutting down. Readiness reports 503 as soon as this flips, so the load
 * balancer stops sending new traffic while requests already in flight still complete.
 */
public final class Drain {
    private final AtomicBoolean draining = new AtomicBoolean();

    public boolean draining() {
        return draining.get();
    }

    /** Flips to draining; true only for the first caller, so the shutdown sequence runs once. */
    public boolean begin() {
        return draining.compareAndSet(false, true);
    }
}
