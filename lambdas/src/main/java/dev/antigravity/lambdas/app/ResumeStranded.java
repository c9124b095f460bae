package dev.antigravity.lambdas.app;

import dev.antigravity.events.aws.EcsDeploymentStateChange.Phase;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.policy.StrandedPolicy;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nothing is lost, nothing is left in flight: every non-terminal record is brought in line with what ECS runs.
 * <ul>
 *   <li>A deploy intent whose steps did not all go out (the handler died, UpdateService was throttled past the
 *   retries) is resumed through {@link AcceptImage#resume}; a rollback intent through {@link RollBack#resume}.</li>
 *   <li>A guarded record ECS no longer runs is settled (superseded by a hand-made deployment, or FAILED when ECS
 *   rolled it back itself); one that is not the head any more is superseded by it.</li>
 *   <li>A record PENDING, IN_PROGRESS, VERIFYING or ROLLING_BACK past the stranded bound (its ECS event went to
 *   the failure queue) is driven from its ECS deployment's rolloutState through {@link RecordDeploymentEvent}'s
 *   own moves; a late real event racing the sweep meets the same conditional writes.</li>
 * </ul>
 */
public final class ResumeStranded {
    private final EcsPort ecs;
    private final LedgerPort ledger;
    private final AcceptImage acceptImage;
    private final RollBack rollBack;
    private final RecordDeploymentEvent deploymentEvents;
    private final Transitions transitions;
    private final StrandedPolicy policy;
    private final Clock clock;

    public ResumeStranded(
            EcsPort ecs,
            LedgerPort ledger,
            AcceptImage acceptImage,
            RollBack rollBack,
            RecordDeploymentEvent deploymentEvents,
            Settings settings,
            Clock clock) {
        this.ecs = ecs;
        this.ledger = ledger;
        this.acceptImage = acceptImage;
        this.rollBack = rollBack;
        this.deploymentEvents = deploymentEvents;
        this.transitions = new Transitions(ledger);
        this.policy = new StrandedPolicy(settings.strandedAfter());
        this.clock = clock;
    }

    /** The outcomes of what it moved; what ECS cannot yet decide is left for a later sweep. */
    public List<Outcome> sweep(ManagedService service, List<Deployment> history, String handler, String runId) {
        List<Outcome> outcomes = new ArrayList<>();
        Optional<ServiceHead> head = ledger.head(service.ref());
        if (head.isPresent() && intentUnfinished(service, head.get())) {
            keep(outcomes, acceptImage.resume(service, runId + "/intent"));
        }
        String headId =
                head.flatMap(ServiceHead::revision).map(Deployment::idOf).orElse(null);
        Instant now = clock.instant();
        for (Deployment listed : history) {
            if (listed.state().isTerminal()) {
                continue;
            }
            Optional<Deployment> current = ledger.find(service.ref(), listed.deploymentId());
            if (current.isEmpty() || current.get().state().isTerminal()) {
                continue;
            }
            Deployment deployment = current.get();
            String causeId = runId + "/" + deployment.deploymentId();
            if (deployment.state() == DeploymentState.ROLLING_BACK) {
                rollbackStep(service, deployment, causeId, now).ifPresent(outcomes::add);
            } else if (!deployment.deploymentId().equals(headId)) {
                supersededByHead(deployment, headId, now).ifPresent(outcomes::add);
            } else if (deployment.rolloutIssued() || deployment.state() != DeploymentState.PENDING) {
                // Past PENDING, ECS's own events prove the rollout went out even if its "issued" mark did not.
                rollBack.settleIfNotRunning(Stabilize.HANDLER, causeId, deployment)
                        .or(() -> drivenByEcs(service, deployment, causeId, now))
                        .ifPresent(o -> keep(outcomes, o));
            }
        }
        return outcomes;
    }

    private boolean intentUnfinished(ManagedService service, ServiceHead head) {
        return head.revision()
                .flatMap(arn -> ledger.find(service.ref(), Deployment.idOf(arn)))
                .map(record -> record.state() == DeploymentState.PENDING && !record.rolloutIssued())
                .orElse(true);
    }

    private Optional<Outcome> rollbackStep(
            ManagedService service, Deployment rollingBack, String causeId, Instant now) {
        if (!rollingBack.rollbackIssued()) {
            return rollBack.resume(Stabilize.HANDLER, causeId, rollingBack).filter(ResumeStranded::applied);
        }
        if (!policy.isStranded(rollingBack, now)) {
            return Optional.empty();
        }
        ServiceSnapshot snapshot = ecs.describe(service.ref());
        Optional<EcsDeployment> rollout =
                Optional.ofNullable(rollingBack.rollbackEcsDeploymentId()).flatMap(snapshot::deployment);
        String since = "stranded ROLLING_BACK since "
                + StrandedPolicy.enteredAt(rollingBack).orElseThrow();
        if (rollout.isPresent()) {
            return phaseOf(rollout.get())
                    .filter(phase -> phase != Phase.IN_PROGRESS)
                    .map(phase -> deploymentEvents.reconcileRollback(
                            causeId,
                            rollingBack,
                            phase,
                            since + ": ECS reports " + rollout.get().id() + " "
                                    + rollout.get().rolloutState()))
                    .filter(ResumeStranded::applied);
        }
        // ECS no longer lists the rollback's deployment: it settled long ago, or another one replaced it.
        boolean targetRuns = snapshot.runs(rollingBack.rollbackTargetArn());
        String reason = since + ": ECS runs "
                + snapshot.primary()
                        .map(d -> Deployment.idOf(d.taskDefinitionArn()))
                        .orElse("nothing");
        if (targetRuns) {
            return Optional.of(deploymentEvents.reconcileRollback(causeId, rollingBack, Phase.COMPLETED, reason))
                    .filter(ResumeStranded::applied);
        }
        if (snapshot.runs(rollingBack.taskDefinitionArn())) {
            // The revision that was rolled back runs again (a person redeployed it): the rollback did not hold, and
            // a human must know, since automation never overrides a hand deployment.
            return Optional.of(deploymentEvents.reconcileRollback(
                            causeId, rollingBack, Phase.FAILED, reason + " again: the rollback was undone"))
                    .filter(ResumeStranded::applied);
        }
        return transitions
                .apply(rollingBack, DeploymentEvent.REPLACED_OUTSIDE, now, reason + " (replaced outside Antigravity)")
                .map(done -> new Outcome(
                        Stabilize.HANDLER,
                        causeId,
                        Outcome.Result.APPLIED,
                        done.reason(),
                        done.service().key(),
                        done.deploymentId(),
                        done.state().name(),
                        List.of("ledger " + done.state())));
    }

    private Optional<Outcome> supersededByHead(Deployment deployment, String headId, Instant now) {
        if (headId == null) {
            return Optional.empty();
        }
        return transitions
                .apply(deployment, DeploymentEvent.SUPERSEDED_BY_NEWER, now, "superseded by " + headId)
                .map(done -> new Outcome(
                        Stabilize.HANDLER,
                        "sweep/" + deployment.deploymentId(),
                        Outcome.Result.APPLIED,
                        done.reason(),
                        done.service().key(),
                        done.deploymentId(),
                        done.state().name(),
                        List.of("ledger SUPERSEDED")));
    }

    private Optional<Outcome> drivenByEcs(ManagedService service, Deployment deployment, String causeId, Instant now) {
        if (!policy.isStranded(deployment, now)) {
            return Optional.empty();
        }
        ServiceSnapshot snapshot = ecs.describe(service.ref());
        return StrandedPolicy.ecsDeploymentOf(deployment, snapshot)
                .flatMap(truth -> phaseOf(truth)
                        .map(phase -> deploymentEvents.reconcile(
                                Stabilize.HANDLER,
                                causeId,
                                service,
                                deployment,
                                phase,
                                truth.id(),
                                "stranded " + deployment.state() + " since "
                                        + StrandedPolicy.enteredAt(deployment).orElseThrow() + ": ECS reports "
                                        + truth.id() + " " + truth.rolloutState())))
                .filter(ResumeStranded::applied);
    }

    private static void keep(List<Outcome> outcomes, Outcome outcome) {
        if (applied(outcome)) {
            outcomes.add(outcome);
        }
    }

    private static boolean applied(Outcome outcome) {
        return outcome.result() == Outcome.Result.APPLIED;
    }

    private static Optional<Phase> phaseOf(EcsDeployment deployment) {
        try {
            return Optional.ofNullable(deployment.rolloutState()).map(Phase::valueOf);
        } catch (IllegalArgumentException unknownRolloutState) {
            return Optional.empty();
        }
    }
}
