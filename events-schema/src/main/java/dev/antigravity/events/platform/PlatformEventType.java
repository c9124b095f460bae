package dev.antigravity.events.platform;

/** Every platform event Antigravity publishes; the JSON name is the constant's camel-case name. */
public enum PlatformEventType {
    DeploymentAccepted, DeploymentSkipped, DeploymentStarted, DeploymentVerified, VerificationFailed,
    DeploymentStable, DeploymentFailed, DeploymentSuperseded, RollbackStarted, RollbackCompleted, RollbackFailed,
    AlarmRaised, AlarmCleared, AutomationSuspended,
    /** The lifecycle hook's verdict on a canary against the old revision (issue 15). */
    CanaryJudged
}
