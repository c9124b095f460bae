package dev.antigravity.lambdas.domain.policy;

/** What the loop guard allows when a deployment should be rolled back. */
public sealed interface RollbackDecision {
    String reason();

    /** Return the service to {@code targetArn}. */
    record RollBack(String targetArn, String reason) implements RollbackDecision {}

    /** Nothing to do (not guarded any more, already rolling back, automation already suspended). */
    record Ignore(String reason) implements RollbackDecision {}

    /** A rollback is needed but unsafe (no target, target failed): tell a human. */
    record Refuse(String reason) implements RollbackDecision {}

    /** Too many rollbacks in the window: stop automation for the service and page. */
    record Suspend(String reason) implements RollbackDecision {}
}
