package dev.antigravity.lambdas.domain;

import dev.antigravity.events.platform.CanaryEvidence;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * Builds the platform events the use cases publish. Ids are deterministic — a redelivered AWS event produces the
 * same platform event id — so consumers (the notifier) can post each one once.
 */
public final class PlatformEvents {
    private final String environment;

    public PlatformEvents(String environment) {
        this.environment = environment;
    }

    public static Severity severityOf(PlatformEventType type) {
        return switch (type) {
            case VerificationFailed, RollbackStarted, RollbackFailed, AutomationSuspended, ServiceUnhealthy ->
                Severity.CRITICAL;
            case DeploymentSkipped, DeploymentFailed, RollbackCompleted, AlarmRaised, CanaryJudged -> Severity.WARNING;
            case DeploymentAccepted,
                    DeploymentStarted,
                    DeploymentVerified,
                    DeploymentStable,
                    DeploymentSuperseded,
                    AlarmCleared -> Severity.INFO;
        };
    }

    /** An event about one deployment, carrying its timeline so far; rollbacks go from its revision to the target. */
    public PlatformEvent about(
            Deployment deployment,
            PlatformEventType type,
            Instant at,
            String reason,
            String alarmName,
            String causeEventId) {
        boolean rollback = type == PlatformEventType.RollbackStarted
                || type == PlatformEventType.RollbackCompleted
                || type == PlatformEventType.RollbackFailed;
        String from = rollback ? deployment.taskDefinitionArn() : deployment.previousRevisionArn();
        String to = rollback && deployment.rollbackTargetArn() != null
                ? deployment.rollbackTargetArn()
                : deployment.taskDefinitionArn();
        return new PlatformEvent(
                deployment.service().key() + "/" + deployment.deploymentId() + "/" + type,
                type,
                severityOf(type),
                at,
                environment,
                deployment.service().cluster(),
                deployment.service().service(),
                deployment.deploymentId(),
                deployment.image().repository(),
                deployment.image().tag(),
                deployment.image().digest(),
                from,
                to,
                alarmName,
                reason,
                causeEventId,
                deployment.timeline());
    }

    /**
     * The lifecycle hook's verdict on a canary: one per service revision and stage (a recomputed verdict after a
     * retried publish keeps the id, so it is announced once).
     */
    public PlatformEvent canaryJudged(
            ServiceRef service, String deploymentId, String stage, Instant at, String reason, CanaryEvidence canary) {
        String revision =
                canary.canaryRevision().substring(canary.canaryRevision().lastIndexOf('/') + 1);
        return new PlatformEvent(
                service.key() + "/" + PlatformEventType.CanaryJudged + "/" + revision + "/" + stage,
                PlatformEventType.CanaryJudged,
                severityOf(PlatformEventType.CanaryJudged),
                at,
                environment,
                service.cluster(),
                service.service(),
                deploymentId,
                null,
                null,
                null,
                null,
                null,
                null,
                reason,
                null,
                Map.of(),
                canary);
    }

    /** An event about a service as a whole (skipped pushes, alarms outside a deployment, suspension). */
    public PlatformEvent aboutService(
            ServiceRef service,
            PlatformEventType type,
            Instant at,
            String reason,
            ImageRef image,
            String alarmName,
            String causeEventId) {
        return new PlatformEvent(
                service.key() + "/" + type + "/" + causeEventId,
                type,
                severityOf(type),
                at,
                environment,
                service.cluster(),
                service.service(),
                null,
                image == null ? null : image.repository(),
                image == null ? null : image.tag(),
                image == null ? null : image.digest(),
                null,
                null,
                alarmName,
                reason,
                causeEventId,
                Map.of());
    }
}
