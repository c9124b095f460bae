package dev.antigravity.lambdas.app;

import dev.antigravity.events.aws.EcsDeploymentStateChange.Phase;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.policy.StrandedPolicy;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nothing is lost: a record left PENDING, IN_PROGRESS or VERIFYING past the stranded bound (its ECS event
 * exhausted its retries into the DLQ, or a handler died between steps) is driven from what DescribeServices
 * reports about its deployment, through {@link RecordDeploymentEvent}'s own moves. A late real event racing the
 * sweep meets the same conditional writes, so one of the two finds nothing left to do.
 */
public final class ResumeStranded {
    private final EcsPort ecs;
    private final RecordDeploymentEvent deploymentEvents;
    private final StrandedPolicy policy;
    private final Clock clock;

    public ResumeStranded(EcsPort ecs, RecordDeploymentEvent deploymentEvents, Settings settings, Clock clock) {
        this.ecs = ecs;
        this.deploymentEvents = deploymentEvents;
        this.policy = new StrandedPolicy(settings.strandedAfter());
        this.clock = clock;
    }

    /** The outcomes of the records it moved; a stranded record ECS cannot yet decide is left for a later sweep. */
    public List<Outcome> sweep(ManagedService service, List<Deployment> history, String handler, String runId) {
        Instant now = clock.instant();
        List<Deployment> stranded = history.stream().filter(d -> policy.isStranded(d, now)).toList();
        if (stranded.isEmpty()) {
            return List.of();
        }
        ServiceSnapshot snapshot = ecs.describe(service.ref());
        List<Outcome> outcomes = new ArrayList<>();
        for (Deployment deployment : stranded) {
            StrandedPolicy.ecsDeploymentOf(deployment, snapshot)
                    .flatMap(truth -> phaseOf(truth).map(phase -> deploymentEvents.reconcile(handler,
                            runId + "/" + deployment.deploymentId(), service, deployment, phase, truth.id(),
                            "stranded " + deployment.state() + " since "
                                    + StrandedPolicy.enteredAt(deployment).orElseThrow() + ": ECS reports "
                                    + truth.id() + " " + truth.rolloutState())))
                    .filter(outcome -> outcome.result() == Outcome.Result.APPLIED)
                    .ifPresent(outcomes::add);
        }
        return outcomes;
    }

    private static Optional<Phase> phaseOf(EcsDeployment deployment) {
        try {
            return Optional.ofNullable(deployment.rolloutState()).map(Phase::valueOf);
        } catch (IllegalArgumentException unknownRolloutState) {
            return Optional.empty();
        }
    }
}
