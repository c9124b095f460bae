package dev.antigravity.events.platform;

/**
 * Every platform event Antigravity publishes; the JSON name is the constant's camel-case name. {@code ServiceUnhealthy}
 * is a guard alarm in ALARM with no deployment in flight (a production incident no rollback will fix: it pages).
 */
public enum PlatformEventType {
    DeploymentAccepted,
    DeploymentSkipped,
    DeploymentStarted,
    DeploymentVerified,
    VerificationFailed,
    DeploymentStable,
    DeploymentFailed,
    DeploymentSuperseded,
    RollbackStarted,
    RollbackCompleted,
    RollbackFailed,
    AlarmRaised,
    AlarmCleared,
    AutomationSuspended,
    /** The lifecycle hook's verdict on a canary against the old revision (issue 15). */
    CanaryJudged,
    /** A guard alarm in ALARM with no deployment in flight: a production incident (issue 13). */
    ServiceUnhealthy
}
