package dev.antigravity.lambdas.domain.port;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
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

    Optional<Deployment> find(ServiceRef service, String deploymentId);

    /** The service's deployments, newest first. */
    List<Deployment> history(ServiceRef service, int limit);

    /**
     * Claims the right to deploy {@code digest} to the service, so concurrent copies of one push register one
     * revision. True when newly claimed, or already claimed by the same event (a retry of it).
     */
    boolean claimDigest(ServiceRef service, String digest, String eventId);

    /** True when the event id was not seen before (and is now recorded until {@code expiresAt}). */
    boolean markProcessed(String eventId, String handler, Instant expiresAt);

    boolean isProcessed(String eventId);

    Optional<Suspension> suspension(ServiceRef service);

    /** Records the suspension; false when automation was already suspended. */
    boolean suspend(ServiceRef service, String reason, Instant at);

    record Suspension(String reason, Instant since) {
    }
}
