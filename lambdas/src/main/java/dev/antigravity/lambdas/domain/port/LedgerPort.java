package dev.antigravity.lambdas.domain.port;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.ServiceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The deployment ledger. Every write is conditional, so concurrent and repeated handlers cannot clobber it. */
public interface LedgerPort {

    /** Creates the record; false when one with the same id already exists. */
    boolean create(Deployment deployment);

    /**
     * Replaces the record with {@code next} only while it is in one of {@code allowedFrom} and still at
     * {@code expectedVersion}; false when another writer got there first.
     */
    boolean transition(Deployment next, Set<DeploymentState> allowedFrom, long expectedVersion);

    /** One record, read with strong consistency. */
    Optional<Deployment> find(ServiceRef service, String deploymentId);

    /**
     * The service's deployments, newest first. Read through an index that may lag writes by a moment: good for
     * sweeps and reports, never alone for a decision that acts on ECS (re-read with {@link #find} or {@link #head}).
     */
    List<Deployment> history(ServiceRef service, int limit);

    /** The service's deploy intent, read with strong consistency. */
    Optional<ServiceHead> head(ServiceRef service);

    /** Writes the head only while the stored one is still at {@code next.version() - 1} (absent counts as 0). */
    boolean writeHead(ServiceHead next);

    /**
     * Takes the service's decision lock for {@code owner} until {@code until} (a lock whose holder died frees itself
     * then); false when someone else holds it. Every UpdateService Antigravity issues is decided under it.
     */
    boolean lock(ServiceRef service, String owner, Instant now, Instant until);

    /**
     * Extends the lease of the lock {@code owner} holds to {@code until}, only while it still holds it and the lease
     * has not lapsed at {@code now}; false otherwise (then the holder must not act: another may have the lock).
     */
    boolean renewLock(ServiceRef service, String owner, Instant now, Instant until);

    /** Releases the lock if {@code owner} still holds it. */
    void unlock(ServiceRef service, String owner);

    /** True when the event id was not seen before (and is now recorded until {@code expiresAt}). */
    boolean markProcessed(String eventId, String handler, Instant expiresAt);

    boolean isProcessed(String eventId);

    Optional<Suspension> suspension(ServiceRef service);

    /** Records the suspension; false when automation was already suspended. */
    boolean suspend(ServiceRef service, String reason, Instant at);

    /** Lifts a suspension (a person's {@code resume}); true when there was one. */
    boolean resume(ServiceRef service);

    record Suspension(String reason, Instant since) {}
}
