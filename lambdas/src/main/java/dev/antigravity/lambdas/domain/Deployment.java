package dev.antigravity.lambdas.domain;

import dev.antigravity.events.platform.TimelineKey;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One ledger record: a (service, task-definition revision) Antigravity rolled out.
 *
 * @param deploymentId            {@code family:revision} of the task definition (unique per service)
 * @param previousRevisionArn     what the service ran when this deployment was accepted
 * @param rollbackTargetArn       the last STABLE revision (null when none is known: nothing to return to)
 * @param ecsDeploymentId         the {@code ecs-svc/…} id of the ECS deployment that rolls this revision out
 * @param rolloutIssued           whether the UpdateService to this revision went through (the intent's "issued"
 *                                mark: a retry or the stabilizer re-issues one that did not)
 * @param rollbackCause           id of the event that started this deployment's rollback
 * @param rollbackIssued          whether UpdateService to the rollback target went through
 * @param rollbackEcsDeploymentId the id of the ECS deployment the rollback started (its own, never the target's
 *                                original rollout)
 * @param version                 optimistic-lock counter of the ledger item
 */
public record Deployment(
        ServiceRef service,
        String deploymentId,
        String taskDefinitionArn,
        String previousRevisionArn,
        String rollbackTargetArn,
        ImageRef image,
        DeploymentState state,
        String ecsDeploymentId,
        boolean rolloutIssued,
        Map<TimelineKey, Instant> timeline,
        String reason,
        String rollbackCause,
        boolean rollbackIssued,
        String rollbackEcsDeploymentId,
        long version) {
    public Deployment {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(taskDefinitionArn, "taskDefinitionArn");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(state, "state");
        EnumMap<TimelineKey, Instant> copy = new EnumMap<>(TimelineKey.class);
        if (timeline != null) {
            copy.putAll(timeline);
        }
        timeline = Collections.unmodifiableMap(copy);
    }

    public static Deployment accepted(
            ServiceRef service,
            String taskDefinitionArn,
            String previousRevisionArn,
            String rollbackTargetArn,
            ImageRef image,
            Instant imagePushedAt,
            Instant acceptedAt,
            String reason) {
        Map<TimelineKey, Instant> timeline = new EnumMap<>(TimelineKey.class);
        if (imagePushedAt != null) {
            timeline.put(TimelineKey.imagePushedAt, imagePushedAt);
        }
        timeline.put(TimelineKey.acceptedAt, acceptedAt);
        return new Deployment(
                service,
                idOf(taskDefinitionArn),
                taskDefinitionArn,
                previousRevisionArn,
                rollbackTargetArn,
                image,
                DeploymentState.PENDING,
                null,
                false,
                timeline,
                reason,
                null,
                false,
                null,
                0);
    }

    /** {@code arn:…:task-definition/api:7} → {@code api:7}. */
    public static String idOf(String taskDefinitionArn) {
        int slash = taskDefinitionArn.lastIndexOf('/');
        return slash < 0 ? taskDefinitionArn : taskDefinitionArn.substring(slash + 1);
    }

    /** The record after {@code event}, or empty when the table ignores the event in the current state. */
    public Optional<Deployment> on(DeploymentEvent event, Instant at, String why) {
        return DeploymentStateMachine.next(state, event).map(next -> moveTo(next, at, why));
    }

    private Deployment moveTo(DeploymentState next, Instant at, String why) {
        Draft moved = new Draft(this);
        moved.state = next;
        moved.timeline = new EnumMap<>(timeline);
        stampOf(next).ifPresent(key -> moved.timeline.putIfAbsent(key, at));
        moved.reason = why;
        return moved.build(version + 1);
    }

    private static Optional<TimelineKey> stampOf(DeploymentState state) {
        return Optional.ofNullable(
                switch (state) {
                    case IN_PROGRESS -> TimelineKey.startedAt;
                    case VERIFYING -> TimelineKey.completedAt;
                    case BAKING -> TimelineKey.verifiedAt;
                    case STABLE -> TimelineKey.stableAt;
                    case FAILED, ROLLBACK_FAILED -> TimelineKey.failedAt;
                    case ROLLING_BACK -> TimelineKey.rollbackStartedAt;
                    case ROLLED_BACK -> TimelineKey.rolledBackAt;
                    case SUPERSEDED -> TimelineKey.supersededAt;
                    case PENDING -> null;
                });
    }

    public Deployment withBakeUntil(Instant bakeUntil) {
        return withStamp(TimelineKey.bakeUntil, bakeUntil);
    }

    /** The record with {@code key} set to {@code at}, replacing an earlier stamp (same version: part of a move). */
    public Deployment withStamp(TimelineKey key, Instant at) {
        Draft stamped = new Draft(this);
        stamped.timeline = new EnumMap<>(timeline);
        stamped.timeline.put(key, at);
        return stamped.build(version);
    }

    public Deployment withEcsDeploymentId(String id) {
        Draft next = new Draft(this);
        next.ecsDeploymentId = id;
        return next.build(version + 1);
    }

    /** The rollout's UpdateService went through and started ECS deployment {@code ecsId}. */
    public Deployment withRolloutIssued(String ecsId) {
        Draft next = new Draft(this);
        next.ecsDeploymentId = ecsId == null ? ecsDeploymentId : ecsId;
        next.rolloutIssued = true;
        return next.build(version + 1);
    }

    public Deployment withRollbackCause(String causeEventId) {
        Draft next = new Draft(this);
        next.rollbackCause = causeEventId;
        return next.build(version + 1);
    }

    /** The rollback goes to {@code targetArn} (chosen when it starts: the newest ACTIVE STABLE revision). */
    public Deployment withRollbackTarget(String targetArn) {
        Draft next = new Draft(this);
        next.rollbackTargetArn = targetArn;
        return next.build(version + 1);
    }

    /** The rollback's UpdateService went through and started ECS deployment {@code ecsId}. */
    public Deployment withRollbackIssued(String ecsId) {
        Draft next = new Draft(this);
        next.rollbackIssued = true;
        next.rollbackEcsDeploymentId = ecsId;
        return next.build(version + 1);
    }

    public Optional<Instant> at(TimelineKey key) {
        return Optional.ofNullable(timeline.get(key));
    }

    public Optional<String> rollbackTarget() {
        return Optional.ofNullable(rollbackTargetArn);
    }

    /**
     * The fields a change may touch, copied from a record; every change above sets the few it changes and builds the
     * next record from here (the identity fields — service, ids, ARNs, image — never change).
     */
    private static final class Draft {
        private final Deployment from;
        private String rollbackTargetArn;
        private DeploymentState state;
        private String ecsDeploymentId;
        private boolean rolloutIssued;
        private Map<TimelineKey, Instant> timeline;
        private String reason;
        private String rollbackCause;
        private boolean rollbackIssued;
        private String rollbackEcsDeploymentId;

        private Draft(Deployment from) {
            this.from = from;
            this.rollbackTargetArn = from.rollbackTargetArn;
            this.state = from.state;
            this.ecsDeploymentId = from.ecsDeploymentId;
            this.rolloutIssued = from.rolloutIssued;
            this.timeline = from.timeline;
            this.reason = from.reason;
            this.rollbackCause = from.rollbackCause;
            this.rollbackIssued = from.rollbackIssued;
            this.rollbackEcsDeploymentId = from.rollbackEcsDeploymentId;
        }

        private Deployment build(long version) {
            return new Deployment(
                    from.service,
                    from.deploymentId,
                    from.taskDefinitionArn,
                    from.previousRevisionArn,
                    rollbackTargetArn,
                    from.image,
                    state,
                    ecsDeploymentId,
                    rolloutIssued,
                    timeline,
                    reason,
                    rollbackCause,
                    rollbackIssued,
                    rollbackEcsDeploymentId,
                    version);
        }
    }
}
