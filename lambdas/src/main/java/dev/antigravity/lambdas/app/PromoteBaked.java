package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bake → stable: a BAKING record whose bakeUntil passed becomes the new last-known-good, but only if ECS really
 * runs it (a revision someone replaced or reverted by hand is superseded, never promoted) and no guard alarm went
 * to ALARM since it was accepted (an alarm whose event was lost rolls it back now).
 */
public final class PromoteBaked {
    private final EcsPort ecs;
    private final LedgerPort ledger;
    private final VerifyDeployment verify;
    private final RollBack rollBack;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Transitions transitions;
    private final ServiceLock lock;
    private final Clock clock;

    public PromoteBaked(
            EcsPort ecs,
            LedgerPort ledger,
            VerifyDeployment verify,
            RollBack rollBack,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            ServiceLock lock,
            Clock clock) {
        this.lock = lock;
        this.ecs = ecs;
        this.ledger = ledger;
        this.verify = verify;
        this.rollBack = rollBack;
        this.publisher = publisher;
        this.events = events;
        this.transitions = new Transitions(ledger);
        this.clock = clock;
    }

    /** Promotes (or rolls back, or supersedes) every record of {@code history} whose bake is over. */
    public List<Outcome> sweep(ManagedService service, List<Deployment> history, String handler, String runId) {
        Instant now = clock.instant();
        return history.stream()
                .filter(d -> d.state() == DeploymentState.BAKING)
                .filter(d -> d.at(TimelineKey.bakeUntil)
                        .filter(until -> !until.isAfter(now))
                        .isPresent())
                .flatMap(d -> ledger.find(service.ref(), d.deploymentId()).stream())
                .filter(d -> d.state() == DeploymentState.BAKING)
                .map(d -> promote(service, d, handler, runId, now))
                .toList();
    }

    /** Under the service's lock, so no rollout or rollback of ours lands between the last look and the write. */
    private Outcome promote(ManagedService service, Deployment listed, String handler, String runId, Instant now) {
        Optional<Outcome> rollBackFirst = verify.firingGuardAlarm(service, listed)
                .map(firing -> rollBack.start(
                        handler,
                        runId + "/" + listed.deploymentId(),
                        listed,
                        DeploymentEvent.GUARD_ALARM,
                        "guard alarm " + firing + " in ALARM at the end of the bake",
                        firing));
        if (rollBackFirst.isPresent()) {
            // The alarm's own event was lost or is late: act on what CloudWatch says now.
            return rollBackFirst.get();
        }
        return lock.holding(
                service.ref(),
                () -> ledger.find(service.ref(), listed.deploymentId())
                        .filter(d -> d.state() == DeploymentState.BAKING)
                        .map(d -> promoteHeld(service, d, handler, runId, now))
                        .orElseGet(() -> Outcome.of(
                                        handler,
                                        runId,
                                        Outcome.Result.IGNORED,
                                        listed.deploymentId() + " changed meanwhile")
                                .about(service.ref().key(), listed.deploymentId(), null)));
    }

    private Outcome promoteHeld(ManagedService service, Deployment baking, String handler, String runId, Instant now) {
        // Read what ECS runs last, right before the write: a person may have replaced the revision meanwhile.
        EcsPort.ServiceSnapshot running = ecs.describe(service.ref());
        if (running.runs(baking.taskDefinitionArn())
                && !"COMPLETED"
                        .equals(running.primary()
                                .map(EcsPort.EcsDeployment::rolloutState)
                                .orElse(null))) {
            // ECS is deploying it again (its own rollback to it, its deployment bake): promote once ECS settles.
            return Outcome.of(
                            handler,
                            runId,
                            Outcome.Result.IGNORED,
                            baking.deploymentId() + ": ECS's deployment of it " + "is not COMPLETED yet")
                    .about(
                            service.ref().key(),
                            baking.deploymentId(),
                            baking.state().name());
        }
        if (!running.runs(baking.taskDefinitionArn())) {
            Optional<Outcome> settled =
                    rollBack.settleHeld(handler, runId + "/" + baking.deploymentId(), baking, running);
            if (settled.isPresent()) {
                return settled.get();
            }
        }
        return transitions
                .apply(baking, DeploymentEvent.BAKE_ELAPSED, now, "baked without alarm")
                .map(stable -> {
                    publisher.publish(events.about(
                            stable,
                            PlatformEventType.DeploymentStable,
                            now,
                            "baked until " + baking.at(TimelineKey.bakeUntil).orElseThrow() + " without alarm",
                            null,
                            runId));
                    return new Outcome(
                            handler,
                            runId,
                            Outcome.Result.APPLIED,
                            "promoted to STABLE",
                            service.ref().key(),
                            stable.deploymentId(),
                            stable.state().name(),
                            List.of("ledger STABLE", "publish DeploymentStable"));
                })
                .orElseGet(() -> Outcome.of(
                                handler, runId, Outcome.Result.IGNORED, baking.deploymentId() + " changed meanwhile")
                        .about(service.ref().key(), baking.deploymentId(), null));
    }
}
