package dev.antigravity.lambdas.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a deployment is in its life; see {@link DeploymentStateMachine} for the moves between them. */
public enum DeploymentState {
    PENDING,
    IN_PROGRESS,
    VERIFYING,
    BAKING,
    STABLE,
    FAILED,
    ROLLING_BACK,
    ROLLED_BACK,
    ROLLBACK_FAILED,
    SUPERSEDED;

    /** States in which a guard alarm rolls the deployment back. */
    public static final Set<DeploymentState> GUARDED = EnumSet.of(PENDING, IN_PROGRESS, VERIFYING, BAKING);

    public boolean isGuarded() {
        return GUARDED.contains(this);
    }

    public boolean isTerminal() {
        return this == STABLE || this == FAILED || this == ROLLED_BACK || this == ROLLBACK_FAILED || this == SUPERSEDED;
    }
}
