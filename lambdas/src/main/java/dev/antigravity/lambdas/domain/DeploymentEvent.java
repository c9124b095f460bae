package dev.antigravity.lambdas.domain;

/** The inputs of the deployment state machine (from ECS, CloudWatch, verification and the clock). */
public enum DeploymentEvent {
    ECS_IN_PROGRESS, ECS_COMPLETED, ECS_FAILED, VERIFICATION_PASSED, VERIFICATION_FAILED, GUARD_ALARM, BAKE_ELAPSED,
    SUPERSEDED_BY_NEWER, ROLLBACK_COMPLETED, ROLLBACK_FAILED
}
