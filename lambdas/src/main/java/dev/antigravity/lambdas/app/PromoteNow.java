package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.PlatformEventType;
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
 * A person ends the bake early: BAKING → STABLE, and only when ECS's primary deployment runs the revision (a record
 * ECS no longer runs is settled as the sweep would settle it, never promoted) and no guard alarm went to ALARM since
 * it was accepted (a STABLE record is no longer rolled back on alarm, so promoting now would switch the guard off in
 * the middle of an incident: the person rolls back instead, or waits). Decided under the service's lock,
 * like every decision on what ECS runs, and written conditionally, so a rollback racing the click wins or loses
 * whole: the record is never both.
 */
public final class PromoteNow {
    private final EcsPort ecs;
    private final LedgerPort ledger;
    private final RollBack rollBack;
    private final VerifyDeployment verify;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Transitions transitions;
    private final ServiceLock lock;
    private final Clock clock;

    public PromoteNow(
            EcsPort ecs,
            LedgerPort ledger,
            RollBack rollBack,
            VerifyDeployment verify,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            ServiceLock lock,
            Clock clock) {
        this.ecs = ecs;
        this.ledger = ledger;
        this.rollBack = rollBack;
        this.verify = verify;
        this.publisher = publisher;
        this.events = events;
        this.transitions = new Transitions(ledger);
        this.lock = lock;
        this.clock = clock;
    }

    public Outcome promote(String handler, String causeId, ManagedService service, Deployment stale, String why) {
        Outcome decided = lock.holding(stale.service(), () -> decide(handler, causeId, service, stale, why));
        // Settling a record ECS no longer runs takes the lock itself, so it runs after this decision released it.
        return decided != null
                ? decided
                : rollBack.settleIfNotRunning(handler, causeId, stale)
                        .orElseGet(() ->
                                ignored(handler, causeId, stale, "ECS's deployment changed meanwhile; nothing done"));
    }

    /** The outcome, or null when ECS does not run the record (then it is settled instead). */
    private Outcome decide(String handler, String causeId, ManagedService service, Deployment stale, String why) {
        Deployment deployment =
                ledger.find(stale.service(), stale.deploymentId()).orElse(null);
        if (deployment == null) {
            return ignored(handler, causeId, stale, "no ledger record " + stale.deploymentId());
        }
        if (deployment.state() != DeploymentState.BAKING) {
            return ignored(
                    handler,
                    causeId,
                    deployment,
                    deployment.deploymentId() + " is " + deployment.state()
                            + ": only a BAKING deployment can be promoted");
        }
        if (!ecs.describe(deployment.service()).runs(deployment.taskDefinitionArn())) {
            return null;
        }
        Optional<String> firing = verify.firingGuardAlarm(service, deployment);
        if (firing.isPresent()) {
            return ignored(
                    handler,
                    causeId,
                    deployment,
                    "guard alarm " + firing.get() + " is in ALARM: not promoted ("
                            + "a STABLE deployment is no longer rolled back on alarm); roll back, or wait for the alarm");
        }
        Instant now = clock.instant();
        return transitions
                .apply(deployment, DeploymentEvent.MANUAL_PROMOTION, now, "bake ended early: " + why)
                .map(stable -> {
                    publisher.publish(events.about(
                            stable, PlatformEventType.DeploymentStable, now, stable.reason(), null, causeId));
                    return new Outcome(
                            handler,
                            causeId,
                            Outcome.Result.APPLIED,
                            stable.reason(),
                            stable.service().key(),
                            stable.deploymentId(),
                            stable.state().name(),
                            List.of("ledger STABLE", "publish DeploymentStable"));
                })
                .orElseGet(
                        () -> ignored(handler, causeId, deployment, deployment.deploymentId() + " changed meanwhile"));
    }

    private static Outcome ignored(String handler, String causeId, Deployment deployment, String reason) {
        return Outcome.of(handler, causeId, Outcome.Result.IGNORED, reason)
                .about(
                        deployment.service().key(),
                        deployment.deploymentId(),
                        deployment.state().name());
    }
}
