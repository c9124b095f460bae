package dev.antigravity.lambdas.domain;

/** The inputs of the deployment state machine (from ECS, CloudWatch, verification and the clock). */
public enum DeploymentEvent {
    ECS_IN_PROGRESS,
    ECS_COMPLETED,
    ECS_FAILED,
    VERIFICATION_PASSED,
    VERIFICATION_FAILED,
    GUARD_ALARM,
    BAKE_ELAPSED,
    SUPERSEDED_BY_NEWER,
    /** ECS runs a revision Antigravity did not put there (a human, Terraform, ECS's own rollback of it). */
    REPLACED_OUTSIDE,
    /** A rollback was needed and could not be made (no ACTIVE STABLE target, ECS refused): a human takes over. */
    ROLLBACK_REFUSED,
    ROLLBACK_COMPLETED,
    ROLLBACK_FAILED,
    /** A person asked for a rollback (Slack, the CLI): a rollback with a human cause, never a suspension. */
    MANUAL_ROLLBACK,
    /** A person ended the bake early: BAKING becomes STABLE, if ECS runs it. */
    MANUAL_PROMOTION
}
