package dev.antigravity.lambdas.app;

import dev.antigravity.events.aws.EcsDeploymentStateChange;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.policy.StrandedPolicy;
import dev.antigravity.lambdas.domain.policy.VerificationPolicy;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ECS deployment state → ledger. IN_PROGRESS is recorded; COMPLETED is verified (→ BAKING until bakeUntil, or an
 * immediate rollback); FAILED (circuit breaker) is recorded and announced while ECS rolls itself back. Events for
 * the deployment of a rollback Antigravity issued complete (or fail) that rollback.
 */
public final class RecordDeploymentEvent {
    public static final String HANDLER = "DeploymentEventHandler";

    private final ManagedServices services;
    private final EcsPort ecs;
    private final LedgerPort ledger;
    private final VerifyDeployment verify;
    private final RollBack rollBack;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Settings settings;
    private final Transitions transitions;
    private final Idempotency idempotency;
    private final StrandedPolicy stranded;
    private final Clock clock;

    public RecordDeploymentEvent(
            ManagedServices services,
            EcsPort ecs,
            LedgerPort ledger,
            VerifyDeployment verify,
            RollBack rollBack,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            Settings settings,
            Clock clock) {
        this.services = services;
        this.ecs = ecs;
        this.ledger = ledger;
        this.verify = verify;
        this.rollBack = rollBack;
        this.publisher = publisher;
        this.events = events;
        this.settings = settings;
        this.transitions = new Transitions(ledger);
        this.idempotency = new Idempotency(ledger, clock);
        this.stranded = new StrandedPolicy(settings.strandedAfter());
        this.clock = clock;
    }

    public Outcome handle(EcsDeploymentStateChange event) {
        Optional<ServiceRef> ref = ServiceRef.fromArn(event.serviceArn());
        if (ref.isEmpty()) {
            return Outcome.of(
                    HANDLER,
                    event.id(),
                    Outcome.Result.REJECTED,
                    "service ARN " + event.serviceArn() + " does not name its cluster");
        }
        Optional<ManagedService> service = services.find(ref.get());
        if (service.isEmpty()) {
            return Outcome.of(HANDLER, event.id(), Outcome.Result.IGNORED, ref.get() + " is not a managed service");
        }
        return idempotency.once(HANDLER, event.id(), () -> route(service.get(), event));
    }

    private Outcome route(ManagedService service, EcsDeploymentStateChange event) {
        ServiceSnapshot snapshot = ecs.describe(service.ref());
        List<Deployment> history = ledger.history(service.ref(), History.LIMIT);
        Optional<EcsPort.EcsDeployment> ecsDeployment = snapshot.deployment(event.deploymentId());
        Optional<String> revision = ecsDeployment
                .map(EcsPort.EcsDeployment::taskDefinitionArn)
                .or(() -> history.stream()
                        .filter(d -> event.deploymentId().equals(d.ecsDeploymentId())
                                || event.deploymentId().equals(d.rollbackEcsDeploymentId()))
                        .map(d -> event.deploymentId().equals(d.ecsDeploymentId())
                                ? d.taskDefinitionArn()
                                : d.rollbackTargetArn())
                        .findFirst());
        if (revision.isEmpty()) {
            return ignored(
                    event,
                    service,
                    "ECS deployment " + event.deploymentId() + " is unknown (not in the "
                            + "service's deployments nor the ledger)");
        }
        Optional<Deployment> rollbackInFlight = rollbackDeployedBy(event, ecsDeployment, revision.get(), history);
        if (rollbackInFlight.isPresent()) {
            return rollbackProgress(event, rollbackInFlight.get());
        }
        Optional<Deployment> deployment = history.stream()
                .filter(d -> d.taskDefinitionArn().equals(revision.get()))
                .findFirst()
                .flatMap(d -> ledger.find(service.ref(), d.deploymentId()))
                .or(() -> ledger.find(service.ref(), Deployment.idOf(revision.get())));
        if (deployment.isEmpty()) {
            return ignored(
                    event,
                    service,
                    "revision " + Deployment.idOf(revision.get()) + " was not deployed by " + "Antigravity");
        }
        boolean primaryNow =
                snapshot.primary().map(p -> p.id().equals(event.deploymentId())).orElse(false);
        if (deployment.get().ecsDeploymentId() != null
                && !deployment.get().ecsDeploymentId().equals(event.deploymentId())
                && deployment.get().state().isGuarded()
                && !primaryNow) {
            return ignored(
                    event,
                    service,
                    "ECS deployment " + event.deploymentId() + " is not the rollout of "
                            + deployment.get().deploymentId() + " ("
                            + deployment.get().ecsDeploymentId() + ")");
        }
        return drive(cause(event), service, deployment.get());
    }

    /**
     * The ROLLING_BACK record whose rollback this ECS deployment is: by the rollback's own deployment id, or — when
     * the event overtook the write of that id — a deployment of the rollback target that ECS created after the
     * rollback started (never the target's original rollout, which is older).
     */
    private Optional<Deployment> rollbackDeployedBy(
            EcsDeploymentStateChange event,
            Optional<EcsPort.EcsDeployment> ecsDeployment,
            String revision,
            List<Deployment> history) {
        return history.stream()
                .filter(d -> d.state() == DeploymentState.ROLLING_BACK
                        || event.deploymentId().equals(d.rollbackEcsDeploymentId()))
                .map(d -> ledger.find(d.service(), d.deploymentId()).orElse(d))
                .filter(d -> d.state() == DeploymentState.ROLLING_BACK)
                .filter(d -> event.deploymentId().equals(d.rollbackEcsDeploymentId())
                        || (d.rollbackEcsDeploymentId() == null
                                && revision.equals(d.rollbackTargetArn())
                                && ecsDeployment
                                        .map(e -> e.createdAt() != null
                                                && d.at(TimelineKey.rollbackStartedAt)
                                                        .map(started ->
                                                                !e.createdAt().isBefore(started))
                                                        .orElse(false))
                                        .orElse(false)))
                .findFirst();
    }

    /**
     * Drives a record from what ECS reports about its deployment, with the moves and conditional writes the ECS
     * event itself would have made (the stabilizer's sweep of stranded records).
     *
     * @param causeId names this act in outcomes and platform events
     */
    public Outcome reconcile(
            String handler,
            String causeId,
            ManagedService service,
            Deployment deployment,
            EcsDeploymentStateChange.Phase phase,
            String ecsDeploymentId,
            String reason) {
        return drive(new Cause(handler, causeId, phase, ecsDeploymentId, reason), service, deployment);
    }

    /** An ECS deployment state, from an event or from DescribeServices, and who acts on it. */
    private record Cause(
            String handler, String id, EcsDeploymentStateChange.Phase phase, String ecsDeploymentId, String reason) {}

    private Outcome drive(Cause cause, ManagedService service, Deployment deployment) {
        return switch (cause.phase()) {
            case IN_PROGRESS -> started(cause, deployment);
            case COMPLETED -> completed(cause, service, deployment);
            case FAILED -> failed(cause, deployment);
        };
    }

    private Outcome started(Cause cause, Deployment deployment) {
        Instant now = clock.instant();
        return transitions
                .apply(
                        deployment,
                        DeploymentEvent.ECS_IN_PROGRESS,
                        now,
                        cause.reason(),
                        next -> next.withEcsDeploymentId(cause.ecsDeploymentId()))
                .map(started -> {
                    publisher.publish(events.about(
                            started, PlatformEventType.DeploymentStarted, now, cause.reason(), null, cause.id()));
                    return applied(cause, started, "ledger IN_PROGRESS", "publish DeploymentStarted");
                })
                .orElseGet(() -> ignoredIn(cause, deployment));
    }

    /**
     * VERIFYING claims the verification: a second COMPLETED (a duplicate, or the sweep) resumes it only once the
     * claim is stranded, so two verifications never run side by side; the resume renews the claim.
     */
    private Outcome completed(Cause cause, ManagedService service, Deployment deployment) {
        Optional<EcsPort.EcsDeployment> rollingAgain = ecs.describe(service.ref())
                .primary()
                .filter(p -> p.taskDefinitionArn().equals(deployment.taskDefinitionArn()))
                .filter(p -> !"COMPLETED".equals(p.rolloutState()));
        if (rollingAgain.isPresent()) {
            // ECS is rolling this revision out again (its own rollback to it, say): a verdict now would judge a
            // half-replaced service. That deployment's COMPLETED, or the sweep, verifies it.
            return Outcome.of(
                            cause.handler(),
                            cause.id(),
                            Outcome.Result.IGNORED,
                            "COMPLETED ignored: ECS rolls "
                                    + deployment.deploymentId() + " out again as "
                                    + rollingAgain.get().id() + " ("
                                    + rollingAgain.get().rolloutState() + ")")
                    .about(
                            deployment.service().key(),
                            deployment.deploymentId(),
                            deployment.state().name());
        }
        Instant now = clock.instant();
        Optional<Deployment> verifying = transitions.apply(
                deployment,
                DeploymentEvent.ECS_COMPLETED,
                now,
                cause.reason(),
                next -> claimed(next, cause, now),
                current -> current.state() != DeploymentState.VERIFYING || stranded.isStranded(current, now));
        if (verifying.isEmpty()) {
            return ignoredIn(cause, deployment);
        }
        Instant judgedAt = clock.instant();
        VerificationPolicy.Verdict verdict = verify.verify(service, verifying.get());
        if (!verdict.passed()) {
            publisher.publish(events.about(
                    verifying.get(),
                    PlatformEventType.VerificationFailed,
                    clock.instant(),
                    verdict.summary(),
                    null,
                    cause.id()));
            return rollBack.afterFailedVerification(
                            cause.handler(),
                            cause.id(),
                            verifying.get(),
                            "verification failed: " + verdict.summary(),
                            judgedAt)
                    .after(List.of("ledger VERIFYING", "verification failed", "publish VerificationFailed"));
        }
        Instant verifiedAt = clock.instant();
        return transitions
                .apply(
                        verifying.get(),
                        DeploymentEvent.VERIFICATION_PASSED,
                        verifiedAt,
                        verdict.summary(),
                        next -> next.withBakeUntil(verifiedAt.plus(settings.bake())))
                .map(baking -> {
                    publisher.publish(events.about(
                            baking,
                            PlatformEventType.DeploymentVerified,
                            verifiedAt,
                            "verified: baking until " + verifiedAt.plus(settings.bake()),
                            null,
                            cause.id()));
                    return applied(
                            cause,
                            baking,
                            "ledger VERIFYING",
                            "verified: " + verdict.summary(),
                            "ledger BAKING",
                            "publish DeploymentVerified");
                })
                .orElseGet(() -> ignoredIn(cause, verifying.get()));
    }

    private static Deployment claimed(Deployment verifying, Cause cause, Instant now) {
        Deployment named = verifying.ecsDeploymentId() == null
                ? verifying.withEcsDeploymentId(cause.ecsDeploymentId())
                : verifying;
        return named.withStamp(TimelineKey.completedAt, now);
    }

    private Outcome failed(Cause cause, Deployment deployment) {
        Instant now = clock.instant();
        return transitions
                .apply(deployment, DeploymentEvent.ECS_FAILED, now, cause.reason())
                .map(failed -> {
                    publisher.publish(events.about(
                            failed,
                            PlatformEventType.DeploymentFailed,
                            now,
                            cause.reason() + " (ECS rolls back by itself)",
                            null,
                            cause.id()));
                    return applied(cause, failed, "ledger FAILED", "publish DeploymentFailed");
                })
                .orElseGet(() -> ignoredIn(cause, deployment));
    }
    /** Drives a ROLLING_BACK record from what ECS reports about the rollback's own deployment (the sweep). */
    public Outcome reconcileRollback(
            String causeId, Deployment rollingBack, EcsDeploymentStateChange.Phase phase, String reason) {
        return rollbackMove(
                new Cause(Stabilize.HANDLER, causeId, phase, rollingBack.rollbackEcsDeploymentId(), reason),
                rollingBack);
    }

    private Outcome rollbackProgress(EcsDeploymentStateChange event, Deployment rollingBack) {
        return rollbackMove(cause(event), rollingBack);
    }

    private Outcome rollbackMove(Cause cause, Deployment rollingBack) {
        DeploymentEvent outcome = switch (cause.phase()) {
            case IN_PROGRESS -> null;
            case COMPLETED -> DeploymentEvent.ROLLBACK_COMPLETED;
            case FAILED -> DeploymentEvent.ROLLBACK_FAILED;
        };
        if (outcome == null) {
            return ignoredIn(cause, rollingBack);
        }
        Instant now = clock.instant();
        PlatformEventType type = outcome == DeploymentEvent.ROLLBACK_COMPLETED
                ? PlatformEventType.RollbackCompleted
                : PlatformEventType.RollbackFailed;
        return transitions
                .apply(
                        rollingBack,
                        outcome,
                        now,
                        "rollback " + cause.phase().name().toLowerCase() + ": " + cause.reason())
                .map(done -> {
                    publisher.publish(events.about(done, type, now, done.reason(), null, cause.id()));
                    return applied(cause, done, "ledger " + done.state(), "publish " + type);
                })
                .orElseGet(() -> ignoredIn(cause, rollingBack));
    }

    private static String reasonOf(EcsDeploymentStateChange event) {
        return event.reason() == null ? "ECS " + event.phase() : event.reason();
    }

    private static Cause cause(EcsDeploymentStateChange event) {
        return new Cause(HANDLER, event.id(), event.phase(), event.deploymentId(), reasonOf(event));
    }

    private static Outcome applied(Cause cause, Deployment deployment, String... actions) {
        return new Outcome(
                cause.handler(),
                cause.id(),
                Outcome.Result.APPLIED,
                deployment.reason(),
                deployment.service().key(),
                deployment.deploymentId(),
                deployment.state().name(),
                List.of(actions));
    }

    private static Outcome ignored(EcsDeploymentStateChange event, ManagedService service, String reason) {
        return Outcome.of(HANDLER, event.id(), Outcome.Result.IGNORED, reason)
                .about(service.ref().key(), null, null);
    }

    private static Outcome ignoredIn(Cause cause, Deployment deployment) {
        return Outcome.of(
                        cause.handler(),
                        cause.id(),
                        Outcome.Result.IGNORED,
                        cause.phase() + " ignored: " + deployment.deploymentId() + " is " + deployment.state())
                .about(
                        deployment.service().key(),
                        deployment.deploymentId(),
                        deployment.state().name());
    }
}
