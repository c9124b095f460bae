package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Drops events whose id was already handled. The id is recorded only after the work succeeded, so a crash
 * half-way lets Lambda's retry run it again; the conditional ledger writes make that re-run safe.
 */
public final class Idempotency {
    /** Longer than EventBridge's 24 h retry window and a DLQ redrive. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private final LedgerPort ledger;
    private final Clock clock;

    public Idempotency(LedgerPort ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public Outcome once(String handler, String eventId, Supplier<Outcome> work) {
        if (ledger.isProcessed(eventId)) {
            return Outcome.of(handler, eventId, Outcome.Result.DUPLICATE, "event " + eventId + " was already handled");
        }
        Outcome outcome = work.get();
        ledger.markProcessed(eventId, handler, clock.instant().plus(RETENTION));
        return outcome;
    }
}
