package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where a deployment would go back to: recorded when it is accepted, re-chosen from what ECS can run when it fails. */
final class RollbackTargets {
    private RollbackTargets() {}

    /**
     * The last STABLE revision; without one, what the current in-flight record would have returned to; and when
     * the running revision predates the ledger, that revision itself (it is what people ran before Antigravity).
     */
    static Optional<String> atAcceptance(ServiceSnapshot current, List<Deployment> history) {
        Optional<Deployment> lastStable = history.stream()
                .filter(d -> d.state() == DeploymentState.STABLE)
                .findFirst();
        if (lastStable.isPresent()) {
            return Optional.of(lastStable.get().taskDefinitionArn());
        }
        Optional<Deployment> runningRecord = history.stream()
                .filter(d -> d.taskDefinitionArn().equals(current.taskDefinitionArn()))
                .findFirst();
        return runningRecord.isPresent()
                ? runningRecord.get().rollbackTarget()
                : Optional.of(current.taskDefinitionArn());
    }

    /**
     * The revision to roll {@code failing} back to now: its recorded target, else the newest STABLE revision in the
     * history; only one ECS can still run (ACTIVE: UpdateService refuses a deregistered revision) and, when the
     * ledger knows it, one that is STABLE (never a revision that failed or was rolled back).
     */
    static Optional<String> choose(
            Deployment failing,
            List<Deployment> history,
            EcsPort ecs,
            java.util.function.Function<String, Optional<Deployment>> recordOf) {
        Set<String> candidates = new LinkedHashSet<>();
        failing.rollbackTarget().ifPresent(candidates::add);
        history.stream()
                .filter(d -> d.state() == DeploymentState.STABLE)
                .map(Deployment::taskDefinitionArn)
                .forEach(candidates::add);
        candidates.remove(failing.taskDefinitionArn());
        for (String candidate : candidates) {
            Optional<Deployment> record = recordOf.apply(Deployment.idOf(candidate));
            boolean trusted =
                    record.map(r -> r.state() == DeploymentState.STABLE).orElse(true);
            if (trusted && ecs.isActive(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
