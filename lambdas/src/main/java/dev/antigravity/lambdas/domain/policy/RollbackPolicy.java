package dev.antigravity.lambdas.domain.policy;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.Settings;
import java.util.Optional;

/**
 * The rollback decision with its loop guard: only a guarded (PENDING..BAKING) deployment rolls back, so never twice
 * and never a rollback itself; only to a revision that is STABLE and ECS can still run (chosen by the caller); and
 * the {@code rollbackLimit + 1}-th rollback of a service inside the window suspends automation instead.
 */
public final class RollbackPolicy {
    private final Settings settings;

    public RollbackPolicy(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param target          the ACTIVE, STABLE revision to return to; empty when there is none
     * @param recentRollbacks rollbacks of this service already started inside the window
     * @param suspended       whether automation is already suspended for the service
     */
    public RollbackDecision decide(
            Deployment deployment, Optional<String> target, int recentRollbacks, boolean suspended) {
        return decide(deployment, target, recentRollbacks, suspended, false);
    }

    /**
     * As above; a {@code manual} rollback (a person asked for it) is neither held back by a suspension nor turned
     * into one by the loop guard: the suspension exists to hand control to people, and here a person acts.
     */
    public RollbackDecision decide(
            Deployment deployment, Optional<String> target, int recentRollbacks, boolean suspended, boolean manual) {
        if (!deployment.state().isGuarded()) {
            return new RollbackDecision.Ignore(
                    deployment.state() == DeploymentState.ROLLING_BACK
                            ? "already rolling back (a rollback is never rolled back)"
                            : "deployment is " + deployment.state() + ", no longer guarded");
        }
        if (suspended && !manual) {
            return new RollbackDecision.Ignore("automation is suspended for " + deployment.service());
        }
        if (target.isEmpty()) {
            return new RollbackDecision.Refuse("no STABLE revision that ECS can still run (ACTIVE) to return to");
        }
        if (target.get().equals(deployment.taskDefinitionArn())) {
            return new RollbackDecision.Refuse("rollback target is the failing revision itself");
        }
        if (!manual && recentRollbacks >= settings.rollbackLimit()) {
            return new RollbackDecision.Suspend(recentRollbacks + " automatic rollbacks of " + deployment.service()
                    + " within " + settings.rollbackWindow().toMinutes() + " minutes (limit "
                    + settings.rollbackLimit() + "): automation suspended");
        }
        return new RollbackDecision.RollBack(target.get(), "roll back to " + Deployment.idOf(target.get()));
    }
}
