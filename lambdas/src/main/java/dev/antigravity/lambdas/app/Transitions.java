package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentStateMachine;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Applies a state-machine event to a ledger record with a conditional write naming the allowed from-states. When
 * another writer changed the record meanwhile it re-reads and re-decides (the event may now be ignored).
 */
public final class Transitions {
    private static final int ATTEMPTS = 5;
    private final LedgerPort ledger;

    public Transitions(LedgerPort ledger) {
        this.ledger = ledger;
    }

    /** The record as written, or empty when the event is ignored in the record's (current) state. */
    public Optional<Deployment> apply(Deployment current, DeploymentEvent event, Instant at, String why) {
        return apply(current, event, at, why, UnaryOperator.identity());
    }

    /** As {@link #apply(Deployment, DeploymentEvent, Instant, String)}, amending the next record before writing. */
    public Optional<Deployment> apply(
            Deployment current, DeploymentEvent event, Instant at, String why, UnaryOperator<Deployment> amend) {
        return apply(current, event, at, why, amend, record -> true);
    }

    /**
     * As {@link #apply(Deployment, DeploymentEvent, Instant, String, UnaryOperator)}, and only while
     * {@code admits} holds for the record as (re-)read: a condition the state table alone cannot express.
     */
    public Optional<Deployment> apply(
            Deployment current,
            DeploymentEvent event,
            Instant at,
            String why,
            UnaryOperator<Deployment> amend,
            Predicate<Deployment> admits) {
        Deployment record = current;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Deployment> next =
                    admits.test(record) ? record.on(event, at, why).map(amend) : Optional.empty();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            if (ledger.transition(
                    next.get(),
                    DeploymentStateMachine.sourcesOf(event, next.get().state()),
                    record.version())) {
                return next;
            }
            Optional<Deployment> reread = ledger.find(record.service(), record.deploymentId());
            if (reread.isEmpty()) {
                return Optional.empty();
            }
            record = reread.get();
        }
        throw new IllegalStateException("ledger record " + current.deploymentId() + " kept changing under " + event
                + " after " + ATTEMPTS + " attempts");
    }

    /** Saves a non-state amendment (ECS deployment id, rollback issued) under optimistic locking. */
    public boolean amend(Deployment current, Deployment amended) {
        return ledger.transition(amended, java.util.EnumSet.of(current.state()), current.version());
    }

    /**
     * Applies {@code change} (a non-state amendment such as an "issued" mark) to the latest version of the record
     * while {@code needed} still holds for it: an ECS event handled meanwhile may have moved the record on, which
     * must neither lose the mark nor fail the step that already went out.
     *
     * @return the record as it now stands
     */
    public Deployment amendLatest(Deployment current, UnaryOperator<Deployment> change, Predicate<Deployment> needed) {
        Deployment record = current;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!needed.test(record)) {
                return record;
            }
            Deployment next = change.apply(record);
            if (amend(record, next)) {
                return next;
            }
            record = ledger.find(record.service(), record.deploymentId())
                    .orElseThrow(
                            () -> new IllegalStateException("ledger record " + current.deploymentId() + " vanished"));
        }
        throw new IllegalStateException(
                "ledger record " + current.deploymentId() + " kept changing after " + ATTEMPTS + " attempts");
    }
}
