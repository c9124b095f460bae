package dev.antigravity.lambdas.fakes;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The ledger's conditional-write semantics in memory; also records every state write for the tests. */
public final class InMemoryLedger implements LedgerPort {
    private final Map<String, Deployment> deployments = new HashMap<>();
    private final Map<ServiceRef, ServiceHead> heads = new HashMap<>();
    private final Map<ServiceRef, Lease> locks = new HashMap<>();
    private final Map<String, Instant> processed = new HashMap<>();
    private final Map<ServiceRef, Suspension> suspensions = new HashMap<>();
    public final List<Deployment> writes = new ArrayList<>();

    private static String key(ServiceRef service, String id) {
        return service.key() + "#" + id;
    }

    @Override
    public synchronized boolean create(Deployment deployment) {
        if (deployments.putIfAbsent(key(deployment.service(), deployment.deploymentId()), deployment) != null) {
            return false;
        }
        writes.add(deployment);
        return true;
    }

    @Override
    public synchronized boolean transition(Deployment next, Set<DeploymentState> allowedFrom, long expectedVersion) {
        Deployment current = deployments.get(key(next.service(), next.deploymentId()));
        if (current == null || !allowedFrom.contains(current.state()) || current.version() != expectedVersion) {
            return false;
        }
        deployments.put(key(next.service(), next.deploymentId()), next);
        writes.add(next);
        return true;
    }

    @Override
    public synchronized Optional<Deployment> find(ServiceRef service, String deploymentId) {
        return Optional.ofNullable(deployments.get(key(service, deploymentId)));
    }

    @Override
    public synchronized List<Deployment> history(ServiceRef service, int limit) {
        return deployments.values().stream()
                .filter(d -> d.service().equals(service))
                .sorted(Comparator.comparing(
                                (Deployment d) -> d.at(TimelineKey.acceptedAt).orElse(Instant.EPOCH))
                        .thenComparing(Deployment::deploymentId)
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<ServiceHead> head(ServiceRef service) {
        return Optional.ofNullable(heads.get(service));
    }

    @Override
    public synchronized boolean writeHead(ServiceHead next) {
        long stored =
                heads.containsKey(next.service()) ? heads.get(next.service()).version() : 0;
        if (stored != next.version() - 1) {
            return false;
        }
        heads.put(next.service(), next);
        return true;
    }

    @Override
    public synchronized boolean lock(ServiceRef service, String owner, Instant now, Instant until) {
        Lease held = locks.get(service);
        if (held != null && !held.until().isBefore(now)) {
            return false;
        }
        locks.put(service, new Lease(owner, until));
        return true;
    }

    @Override
    public synchronized boolean renewLock(ServiceRef service, String owner, Instant now, Instant until) {
        Lease held = locks.get(service);
        if (held == null || !held.owner().equals(owner) || held.until().isBefore(now)) {
            return false;
        }
        locks.put(service, new Lease(owner, until));
        return true;
    }

    @Override
    public synchronized void unlock(ServiceRef service, String owner) {
        Lease held = locks.get(service);
        if (held != null && held.owner().equals(owner)) {
            locks.remove(service);
        }
    }

    /** Whether anyone holds the service's lock (tests check that every decision released it). */
    public synchronized boolean locked(ServiceRef service) {
        return locks.containsKey(service);
    }

    private record Lease(String owner, Instant until) {}

    @Override
    public synchronized boolean markProcessed(String eventId, String handler, Instant expiresAt) {
        return processed.putIfAbsent(eventId, expiresAt) == null;
    }

    @Override
    public synchronized boolean isProcessed(String eventId) {
        return processed.containsKey(eventId);
    }

    @Override
    public synchronized Optional<Suspension> suspension(ServiceRef service) {
        return Optional.ofNullable(suspensions.get(service));
    }

    @Override
    public synchronized boolean suspend(ServiceRef service, String reason, Instant at) {
        return suspensions.putIfAbsent(service, new Suspension(reason, at)) == null;
    }

    @Override
    public synchronized boolean resume(ServiceRef service) {
        return suspensions.remove(service) != null;
    }

    public synchronized void put(Deployment deployment) {
        deployments.put(key(deployment.service(), deployment.deploymentId()), deployment);
    }
}
