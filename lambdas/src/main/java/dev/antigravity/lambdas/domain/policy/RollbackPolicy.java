package dev.antigravity.lambdas.domain.policy;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.Settings;
import java.util.Optional;

/**
 * The rollback decision with its loop guard: only a guarded (PENDING..BAKING) deployment rolls back, so never twice
 * and never a rollback itself; never to a revision that FAILED or was rolled back; and the
 * {@code rollbackLimit + 1}-th rollback of a service inside the window suspends automation instead.
 */
public final class RollbackPolicy {
    private final Settings settings;

    public RollbackPolicy(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param target          the ledger record of the rollback target, empty when the revision predates Antigravity
     * @param recentRollbacks rollbacks of this service already started inside the window
     * @param suspended       whether automation is already suspended for the service
     */
    public RollbackDecision decide(Deployment deployment, Optional<Deployment> target, int recentRollbacks,
                                   boolean suspended) {
        if (!deployment.state().isGuarded()) {
            return new RollbackDecision.Ignore(deployment.state() == DeploymentState.ROLLING_BACK
                    ? "already rolling back (a rollback is never rolled back)"
                    : "deployment is " + deployment.state() + ", no longer guarded");
        }
        if (suspended) {
            return new RollbackDecision.Ignore("automation is suspended for " + deployment.service());
        }
        if (deployment.rollbackTarget().isEmpty()) {
            return new RollbackDecision.Refuse("no STABLE revision to return to");
        }
        String targetArn = deployment.rollbackTargetArn();
        if (targetArn.equals(deployment.taskDefinitionArn())) {
            return new RollbackDecision.Refuse("rollback target is the failing revision itself");
        }
        if (target.isPresent() && target.get().state() != DeploymentState.STABLE) {
            return new RollbackDecision.Refuse("rollback target " + target.get().deploymentId() + " is "
                    + target.get().state() + ", not STABLE");
        }
        if (recentRollbacks >= settings.rollbackLimit()) {
            return new RollbackDecision.Suspend(recentRollbacks + " automatic rollbacks of " + deployment.service()
                    + " within " + settings.rollbackWindow().toMinutes() + " minutes (limit "
                    + settings.rollbackLimit() + "): automation suspended");
        }
        return new RollbackDecision.RollBack(targetArn, "roll back to " + Deployment.idOf(targetArn));
    }
}
