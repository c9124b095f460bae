package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.EcsRejectedException;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.policy.RollbackDecision;
import dev.antigravity.lambdas.domain.policy.RollbackPolicy;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rolls a deployment back, at most once, and only the revision ECS actually runs. Holding the service's lock it
 * re-reads the record and DescribeServices: a record ECS no longer runs is superseded, not rolled back (a human or
 * Terraform put something else there); while ECS itself is rolling the record out with alarm rollback on, ECS owns
 * the rollback (division of labour: ECS the rollout, Antigravity the verification and the bake). The target is
 * chosen now: the newest STABLE revision ECS can still run. The record moves to ROLLING_BACK (the intent) before
 * UpdateService and is marked issued with the rollback's own ECS deployment id after; a retry or the stabilizer
 * re-issues an intent that did not go out, after checking ECS has not already started it.
 */
public final class RollBack {
    private final EcsPort ecs;
    private final LedgerPort ledger;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final RollbackPolicy policy;
    private final Settings settings;
    private final Transitions transitions;
    private final ServiceLock lock;
    private final AlarmPort alarms;
    private final Clock clock;

    public RollBack(
            EcsPort ecs,
            LedgerPort ledger,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            Settings settings,
            ServiceLock lock,
            AlarmPort alarms,
            Clock clock) {
        this.ecs = ecs;
        this.alarms = alarms;
        this.ledger = ledger;
        this.publisher = publisher;
        this.events = events;
        this.policy = new RollbackPolicy(settings);
        this.settings = settings;
        this.transitions = new Transitions(ledger);
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * @param trigger   GUARD_ALARM, VERIFICATION_FAILED or MANUAL_ROLLBACK (a person: Slack, the CLI)
     * @param alarmName the guard alarm that fired, or null
     */
    public Outcome start(
            String handler,
            String causeEventId,
            Deployment deployment,
            DeploymentEvent trigger,
            String reason,
            String alarmName) {
        return lock.holding(
                deployment.service(),
                () -> decide(handler, causeEventId, deployment, trigger, reason, alarmName, null));
    }

    /**
     * A rollback for a failed verification whose evidence was gathered from {@code judgedAt} on: if ECS began
     * running the revision again after that (its own alarm rollback to it, say), the verdict judged a run that has
     * ended and is not acted on; that deployment's COMPLETED, or the sweep, verifies the revision again.
     */
    public Outcome afterFailedVerification(
            String handler, String causeEventId, Deployment deployment, String reason, Instant judgedAt) {
        return lock.holding(
                deployment.service(),
                () -> decide(
                        handler,
                        causeEventId,
                        deployment,
                        DeploymentEvent.VERIFICATION_FAILED,
                        reason,
                        null,
                        judgedAt));
    }

    private Outcome decide(
            String handler,
            String causeEventId,
            Deployment stale,
            DeploymentEvent trigger,
            String reason,
            String alarmName,
            Instant judgedAt) {
        Optional<Deployment> reread = ledger.find(stale.service(), stale.deploymentId());
        if (reread.isEmpty()) {
            return ignored(handler, causeEventId, stale, "no ledger record " + stale.deploymentId());
        }
        Deployment deployment = reread.get();
        if (deployment.state() == DeploymentState.ROLLING_BACK && !deployment.rollbackIssued()) {
            return issue(handler, causeEventId, deployment, alarmName, new Actions(), true);
        }
        if (deployment.state() == DeploymentState.ROLLBACK_FAILED) {
            // The page may have been lost with the invocation that wrote this state: publish it again. Its event id
            // is the record's own, so the notifier delivers it once however often it is published.
            publisher.publish(events.about(
                    deployment,
                    PlatformEventType.RollbackFailed,
                    clock.instant(),
                    deployment.reason(),
                    alarmName,
                    causeEventId));
            return ignored(handler, causeEventId, deployment, "rollback already failed; RollbackFailed re-published");
        }
        if (!deployment.state().isGuarded()) {
            return ignored(
                    handler,
                    causeEventId,
                    deployment,
                    deployment.state() == DeploymentState.ROLLING_BACK
                            ? "already rolling back (a rollback is never rolled back)"
                            : "deployment is " + deployment.state() + ", no longer guarded");
        }
        if (deployment.state() == DeploymentState.PENDING && !deployment.rolloutIssued()) {
            // Not on ECS yet: its intent is finished by the retry or the stabilizer, and verified then.
            return ignored(
                    handler,
                    causeEventId,
                    deployment,
                    deployment.deploymentId() + " is not rolled out yet: nothing runs to roll back");
        }
        ServiceSnapshot snapshot = ecs.describe(deployment.service());
        if (trigger == DeploymentEvent.GUARD_ALARM && alarmName != null) {
            Optional<String> staleReason = staleAlarm(alarmName, deployment, RolloutStart.of(deployment, snapshot));
            if (staleReason.isPresent()) {
                return ignored(handler, causeEventId, deployment, staleReason.get());
            }
        }
        Optional<Outcome> notOurs = notRunBy(snapshot, handler, causeEventId, deployment);
        if (notOurs.isPresent()) {
            return notOurs.get();
        }
        Optional<EcsDeployment> runningSinceVerdict = snapshot.primary()
                .filter(p -> judgedAt != null
                        && p.createdAt() != null
                        && p.createdAt().isAfter(judgedAt));
        if (runningSinceVerdict.isPresent()) {
            return ignored(
                    handler,
                    causeEventId,
                    deployment,
                    "ECS runs " + deployment.deploymentId() + " again as "
                            + runningSinceVerdict.get().id() + " since "
                            + runningSinceVerdict.get().createdAt()
                            + ", after the verdict on its earlier run: not acted on (" + reason + ")");
        }
        if (trigger == DeploymentEvent.GUARD_ALARM && ecsOwnsRollout(snapshot)) {
            return ignored(
                    handler,
                    causeEventId,
                    deployment,
                    "ECS is still rolling " + deployment.deploymentId()
                            + " out with alarm rollback on: ECS rolls back by itself (" + reason + ")");
        }
        Instant now = clock.instant();
        List<Deployment> history = ledger.history(deployment.service(), History.LIMIT);
        Optional<String> target =
                RollbackTargets.choose(deployment, history, ecs, id -> ledger.find(deployment.service(), id));
        int recent = (int) history.stream()
                .filter(d -> d.at(TimelineKey.rollbackStartedAt)
                        .filter(at -> !at.isBefore(now.minus(settings.rollbackWindow())))
                        .isPresent())
                .count();
        RollbackDecision decision = policy.decide(
                deployment,
                target,
                recent,
                ledger.suspension(deployment.service()).isPresent(),
                trigger == DeploymentEvent.MANUAL_ROLLBACK);
        return switch (decision) {
            case RollbackDecision.Ignore ignore -> ignored(handler, causeEventId, deployment, ignore.reason());
            case RollbackDecision.Refuse refuse ->
                refuse(
                        handler,
                        causeEventId,
                        deployment,
                        refuse.reason() + " (" + reason + ")",
                        alarmName,
                        new Actions());
            case RollbackDecision.Suspend suspend ->
                suspend(handler, causeEventId, deployment, suspend, alarmName, now);
            case RollbackDecision.RollBack rollBack ->
                begin(handler, causeEventId, deployment, trigger, reason, alarmName, rollBack.targetArn(), now);
        };
    }

    /**
     * Why an alarm event no longer speaks against the deployment (CloudWatch is the truth, the event may be late):
     * the alarm is not in ALARM any more, or went there before the deployment was accepted.
     */
    private Optional<String> staleAlarm(String alarmName, Deployment deployment, Instant rolloutStart) {
        AlarmPort.AlarmReading reading = alarms.readings(List.of(alarmName)).get(alarmName);
        if (reading == null || reading.firingSince(rolloutStart)) {
            return Optional.empty();
        }
        return Optional.of(
                reading.status() != AlarmPort.AlarmStatus.ALARM
                        ? "guard alarm " + alarmName + " is " + reading.status() + " now: the ALARM event is stale"
                        : "guard alarm " + alarmName + " has been in ALARM since " + reading.since() + ", before "
                                + deployment.deploymentId() + " began to run: not this deployment's doing");
    }

    /**
     * Settles a guarded record ECS no longer runs (superseded, or FAILED when ECS rolled it back itself) — the
     * sweep's and the promotion's check; empty when ECS runs it (or it is no longer guarded).
     */
    public Optional<Outcome> settleIfNotRunning(String handler, String causeId, Deployment deployment) {
        return lock.holding(
                deployment.service(),
                () -> ledger.find(deployment.service(), deployment.deploymentId())
                        .filter(d -> d.state().isGuarded())
                        .flatMap(d -> notRunBy(ecs.describe(d.service()), handler, causeId, d)));
    }

    /** As {@link #settleIfNotRunning}, for a caller that already holds the lock and has just read ECS. */
    Optional<Outcome> settleHeld(String handler, String causeId, Deployment deployment, ServiceSnapshot snapshot) {
        return deployment.state().isGuarded() ? notRunBy(snapshot, handler, causeId, deployment) : Optional.empty();
    }

    /**
     * Empty when ECS's primary deployment runs the record's revision. Otherwise the record is not what runs: ECS
     * rolled it back itself (its deployment FAILED) or someone put another revision there.
     */
    private Optional<Outcome> notRunBy(
            ServiceSnapshot snapshot, String handler, String causeEventId, Deployment deployment) {
        if (snapshot.runs(deployment.taskDefinitionArn())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String running = snapshot.primary()
                .map(d -> Deployment.idOf(d.taskDefinitionArn()) + " (" + d.id() + ")")
                .orElse("no primary deployment");
        boolean ecsFailedIt = Optional.ofNullable(deployment.ecsDeploymentId())
                .flatMap(snapshot::deployment)
                .map(d -> "FAILED".equals(d.rolloutState()))
                .orElse(false);
        DeploymentEvent event = ecsFailedIt ? DeploymentEvent.ECS_FAILED : DeploymentEvent.REPLACED_OUTSIDE;
        String why = ecsFailedIt
                ? "ECS failed the rollout and rolled back by itself; it runs " + running
                : "ECS runs " + running + ", not " + deployment.deploymentId() + ": replaced outside Antigravity";
        PlatformEventType type =
                ecsFailedIt ? PlatformEventType.DeploymentFailed : PlatformEventType.DeploymentSuperseded;
        return Optional.of(transitions
                .apply(deployment, event, now, why)
                .map(moved -> {
                    publisher.publish(events.about(moved, type, now, why, null, causeEventId));
                    return new Outcome(
                            handler,
                            causeEventId,
                            Outcome.Result.APPLIED,
                            why,
                            moved.service().key(),
                            moved.deploymentId(),
                            moved.state().name(),
                            List.of("ledger " + moved.state(), "publish " + type));
                })
                .orElseGet(() -> ignored(handler, causeEventId, deployment, why)));
    }

    /** ECS owns the rollback while its rollout of the primary deployment is in progress with alarm rollback on. */
    private static boolean ecsOwnsRollout(ServiceSnapshot snapshot) {
        return snapshot.rollsBackOnAlarm()
                && snapshot.primary()
                        .map(d -> "IN_PROGRESS".equals(d.rolloutState()))
                        .orElse(false);
    }

    private Outcome begin(
            String handler,
            String causeEventId,
            Deployment deployment,
            DeploymentEvent trigger,
            String reason,
            String alarmName,
            String targetArn,
            Instant now) {
        Optional<Deployment> rollingBack = transitions.apply(
                deployment,
                trigger,
                now,
                reason,
                next -> next.withRollbackTarget(targetArn).withRollbackCause(causeEventId));
        if (rollingBack.isEmpty() || rollingBack.get().state() != DeploymentState.ROLLING_BACK) {
            return ignored(
                    handler, causeEventId, deployment, "another event moved " + deployment.deploymentId() + " first");
        }
        Actions actions = new Actions();
        actions.add("ledger " + deployment.deploymentId() + " ROLLING_BACK to " + Deployment.idOf(targetArn));
        return issue(handler, causeEventId, rollingBack.get(), alarmName, actions, false);
    }

    /** Re-issues the UpdateService of a ROLLING_BACK record that never got it (stabilizer sweep). */
    public Optional<Outcome> resume(String handler, String runId, Deployment deployment) {
        if (deployment.state() != DeploymentState.ROLLING_BACK || deployment.rollbackIssued()) {
            return Optional.empty();
        }
        return Optional.of(lock.holding(
                deployment.service(),
                () -> ledger.find(deployment.service(), deployment.deploymentId())
                        .filter(d -> d.state() == DeploymentState.ROLLING_BACK && !d.rollbackIssued())
                        .map(d -> issue(handler, runId, d, null, new Actions(), true))
                        .orElseGet(() -> ignored(handler, runId, deployment, "rollback already issued"))));
    }

    /** @param resumed the intent was written by an earlier attempt (a retry, the stabilizer) */
    private Outcome issue(
            String handler,
            String causeEventId,
            Deployment rollingBack,
            String alarmName,
            Actions actions,
            boolean resumed) {
        ServiceSnapshot snapshot = ecs.describe(rollingBack.service());
        Optional<EcsDeployment> started = snapshot.deploymentOf(
                rollingBack.rollbackTargetArn(),
                rollingBack.at(TimelineKey.rollbackStartedAt).orElse(null));
        Optional<EcsDeployment> movedOn = snapshot.primary()
                .filter(p -> resumed)
                .filter(p -> !p.taskDefinitionArn().equals(rollingBack.rollbackTargetArn()))
                .filter(p -> p.createdAt() != null
                        && rollingBack
                                .at(TimelineKey.rollbackStartedAt)
                                .map(p.createdAt()::isAfter)
                                .orElse(false));
        String ecsId;
        if (started.isPresent()) {
            ecsId = started.get().id();
            actions.add(
                    "ECS already rolls back to " + Deployment.idOf(rollingBack.rollbackTargetArn()) + " as " + ecsId);
        } else if (movedOn.isPresent()) {
            return rollbackOvertaken(handler, causeEventId, rollingBack, movedOn.get(), alarmName, actions);
        } else if (!snapshot.runs(rollingBack.taskDefinitionArn())
                && snapshot.primary().isPresent()) {
            // Read right before acting: someone put another revision there while this rollback was decided.
            return rollbackOvertaken(
                    handler, causeEventId, rollingBack, snapshot.primary().get(), alarmName, actions);
        } else {
            lock.fence(rollingBack.service()); // UpdateService is not conditional: only while this lease holds
            try {
                ecsId = ecs.updateService(rollingBack.service(), rollingBack.rollbackTargetArn());
            } catch (EcsRejectedException refused) {
                return rollbackRefusedByEcs(handler, causeEventId, rollingBack, alarmName, refused, actions);
            }
            actions.add("UpdateService " + rollingBack.service() + " -> "
                    + Deployment.idOf(rollingBack.rollbackTargetArn()) + " (" + ecsId + ")");
        }
        transitions.amendLatest(
                rollingBack,
                d -> d.withRollbackIssued(ecsId),
                d -> d.state() == DeploymentState.ROLLING_BACK && !d.rollbackIssued());
        publisher.publish(events.about(
                rollingBack,
                PlatformEventType.RollbackStarted,
                clock.instant(),
                rollingBack.reason(),
                alarmName,
                causeEventId));
        actions.add("publish RollbackStarted");
        return new Outcome(
                handler,
                causeEventId,
                Outcome.Result.APPLIED,
                rollingBack.reason(),
                rollingBack.service().key(),
                rollingBack.deploymentId(),
                DeploymentState.ROLLING_BACK.name(),
                actions.list());
    }

    /**
     * A deployment ECS started after this rollback began, before its UpdateService went out: the failing revision
     * again (ECS undid something) means the rollback failed; anything else took over, so nothing is re-issued.
     */
    private Outcome rollbackOvertaken(
            String handler,
            String causeEventId,
            Deployment rollingBack,
            EcsDeployment later,
            String alarmName,
            Actions actions) {
        Instant now = clock.instant();
        boolean failingAgain = later.taskDefinitionArn().equals(rollingBack.taskDefinitionArn());
        String why = "ECS started " + later.id() + " (" + Deployment.idOf(later.taskDefinitionArn())
                + ") after the rollback began: not issued again";
        DeploymentEvent event = failingAgain ? DeploymentEvent.ROLLBACK_FAILED : DeploymentEvent.REPLACED_OUTSIDE;
        return transitions
                .apply(rollingBack, event, now, why)
                .map(done -> {
                    if (failingAgain) {
                        publisher.publish(events.about(
                                done, PlatformEventType.RollbackFailed, now, why, alarmName, causeEventId));
                        actions.add("publish RollbackFailed");
                    }
                    actions.add("ledger " + done.state());
                    return new Outcome(
                            handler,
                            causeEventId,
                            Outcome.Result.APPLIED,
                            why,
                            done.service().key(),
                            done.deploymentId(),
                            done.state().name(),
                            actions.list());
                })
                .orElseGet(() -> ignored(handler, causeEventId, rollingBack, why));
    }

    private Outcome rollbackRefusedByEcs(
            String handler,
            String causeEventId,
            Deployment rollingBack,
            String alarmName,
            EcsRejectedException refused,
            Actions actions) {
        Instant now = clock.instant();
        String why = "ECS refused the rollback to " + Deployment.idOf(rollingBack.rollbackTargetArn()) + ": "
                + refused.getMessage();
        return transitions
                .apply(rollingBack, DeploymentEvent.ROLLBACK_FAILED, now, why)
                .map(failed -> {
                    publisher.publish(
                            events.about(failed, PlatformEventType.RollbackFailed, now, why, alarmName, causeEventId));
                    actions.add("ledger ROLLBACK_FAILED");
                    actions.add("publish RollbackFailed");
                    return new Outcome(
                            handler,
                            causeEventId,
                            Outcome.Result.APPLIED,
                            why,
                            failed.service().key(),
                            failed.deploymentId(),
                            failed.state().name(),
                            actions.list());
                })
                .orElseGet(() -> ignored(handler, causeEventId, rollingBack, why));
    }

    /** A rollback is needed and cannot be made: the record ends ROLLBACK_FAILED and a human is paged, once. */
    private Outcome refuse(
            String handler, String causeEventId, Deployment deployment, String why, String alarmName, Actions actions) {
        Instant now = clock.instant();
        return transitions
                .apply(deployment, DeploymentEvent.ROLLBACK_REFUSED, now, "cannot roll back: " + why)
                .map(failed -> {
                    publisher.publish(events.about(
                            failed,
                            PlatformEventType.RollbackFailed,
                            now,
                            "cannot roll back: " + why,
                            alarmName,
                            causeEventId));
                    actions.add("ledger ROLLBACK_FAILED");
                    actions.add("publish RollbackFailed");
                    return new Outcome(
                            handler,
                            causeEventId,
                            Outcome.Result.APPLIED,
                            "cannot roll back: " + why,
                            failed.service().key(),
                            failed.deploymentId(),
                            failed.state().name(),
                            actions.list());
                })
                .orElseGet(() -> ignored(
                        handler,
                        causeEventId,
                        deployment,
                        "another event moved " + deployment.deploymentId() + " first"));
    }

    private Outcome suspend(
            String handler,
            String causeEventId,
            Deployment deployment,
            RollbackDecision.Suspend suspend,
            String alarmName,
            Instant now) {
        boolean newly = ledger.suspend(deployment.service(), suspend.reason(), now);
        if (newly) {
            publisher.publish(events.aboutService(
                    deployment.service(),
                    PlatformEventType.AutomationSuspended,
                    now,
                    suspend.reason(),
                    deployment.image(),
                    alarmName,
                    causeEventId));
        }
        return new Outcome(
                handler,
                causeEventId,
                Outcome.Result.APPLIED,
                suspend.reason(),
                deployment.service().key(),
                deployment.deploymentId(),
                deployment.state().name(),
                newly ? List.of("suspend automation", "publish AutomationSuspended") : List.of());
    }

    private static Outcome ignored(String handler, String causeEventId, Deployment deployment, String reason) {
        return Outcome.of(handler, causeEventId, Outcome.Result.IGNORED, reason)
                .about(
                        deployment.service().key(),
                        deployment.deploymentId(),
                        deployment.state().name());
    }
}
