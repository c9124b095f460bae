package dev.antigravity.api.logging;

import java.util.Optional;

/**
 * What every log line written on a thread should carry: the correlation id of the request (or
 * job run) being handled there. Bound by whoever starts the work (the HTTP correlation-id filter)
 * for exactly its duration, so logging needs to know nothing about HTTP.
 */
public final class LogContext {
    /** The correlation id of the work running on this thread. */
    public static final ScopedValue<String> CORRELATION_ID = ScopedValue.newInstance();

    private LogContext() {}

    public static Optional<String> correlationId() {
        return CORRELATION_ID.isBound() ? Optional.of(CORRELATION_ID.get()) : Optional.empty();
    }
}
