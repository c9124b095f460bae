package dev.antigravity.lambdas.adapters.metrics;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.dora.DeploymentFacts;
import dev.antigravity.lambdas.domain.dora.TransitionMetrics;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger, emitting the DORA data points of every transition it writes as an EMF line. Only writes that
 * went through count (a lost conditional write changed nothing), and an amendment that keeps the state (the
 * allowed from-states are exactly the record's own state: ECS deployment id, rollback issued) is not a transition.
 */
public final class MeteredLedger implements LedgerPort {
    private final LedgerPort ledger;
    private final EmfWriter emf;
    private final String environment;
    private final InstantSource clock;

    public MeteredLedger(LedgerPort ledger, EmfWriter emf, String environment, InstantSource clock) {
        this.ledger = ledger;
        this.emf = emf;
        this.environment = environment;
        this.clock = clock;
    }

    /** What the DORA calculator and the transition metrics read of a ledger record. */
    public static DeploymentFacts facts(Deployment deployment) {
        return new DeploymentFacts(
                deployment.service().key(),
                deployment.deploymentId(),
                deployment.state().name(),
                deployment.timeline());
    }

    @Override
    public boolean create(Deployment deployment) {
        boolean created = ledger.create(deployment);
        if (created) {
            emit(deployment);
        }
        return created;
    }

    @Override
    public boolean transition(Deployment next, Set<DeploymentState> allowedFrom, long expectedVersion) {
        boolean written = ledger.transition(next, allowedFrom, expectedVersion);
        if (written && !allowedFrom.equals(Set.of(next.state()))) {
            emit(next);
        }
        return written;
    }

    private void emit(Deployment deployment) {
        emf.write(
                clock.instant(),
                environment,
                deployment.service().key(),
                TransitionMetrics.of(facts(deployment)),
                Map.of(
                        "deploymentId",
                        deployment.deploymentId(),
                        "state",
                        deployment.state().name()));
    }

    @Override
    public Optional<Deployment> find(ServiceRef service, String deploymentId) {
        return ledger.find(service, deploymentId);
    }

    @Override
    public List<Deployment> history(ServiceRef service, int limit) {
        return ledger.history(service, limit);
    }

    @Override
    public Optional<ServiceHead> head(ServiceRef service) {
        return ledger.head(service);
    }

    @Override
    public boolean writeHead(ServiceHead next) {
        return ledger.writeHead(next);
    }

    @Override
    public boolean lock(ServiceRef service, String owner, Instant now, Instant until) {
        return ledger.lock(service, owner, now, until);
    }

    @Override
    public boolean renewLock(ServiceRef service, String owner, Instant now, Instant until) {
        return ledger.renewLock(service, owner, now, until);
    }

    @Override
    public void unlock(ServiceRef service, String owner) {
        ledger.unlock(service, owner);
    }

    @Override
    public boolean markProcessed(String eventId, String handler, Instant expiresAt) {
        return ledger.markProcessed(eventId, handler, expiresAt);
    }

    @Override
    public boolean isProcessed(String eventId) {
        return ledger.isProcessed(eventId);
    }

    @Override
    public Optional<Suspension> suspension(ServiceRef service) {
        return ledger.suspension(service);
    }

    @Override
    public boolean suspend(ServiceRef service, String reason, Instant at) {
        return ledger.suspend(service, reason, at);
    }

    @Override
    public boolean resume(ServiceRef service) {
        return ledger.resume(service);
    }
}
