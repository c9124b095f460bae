package dev.antigravity.lambdas.domain.policy;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * When an in-flight record counts as stranded — its ECS event went to the DLQ, or its handler died between two
 * steps — and which ECS deployment tells the truth about it. A record is judged by the moment it entered its
 * current state (a resumed verification renews {@code completedAt}), so a handler still at work on it is left alone.
 */
public final class StrandedPolicy {
    private final Duration bound;

    public StrandedPolicy(Duration bound) {
        this.bound = bound;
    }

    /** When the record entered its in-flight state; empty for the states the sweep never touches. */
    public static Optional<Instant> enteredAt(Deployment deployment) {
        return switch (deployment.state()) {
            case PENDING -> deployment.at(TimelineKey.acceptedAt);
            case IN_PROGRESS -> deployment.at(TimelineKey.startedAt);
            case VERIFYING -> deployment.at(TimelineKey.completedAt);
            case ROLLING_BACK -> deployment.at(TimelineKey.rollbackStartedAt);
            default -> Optional.empty();
        };
    }

    public boolean isStranded(Deployment deployment, Instant now) {
        return enteredAt(deployment)
                .filter(since -> !since.isAfter(now.minus(bound)))
                .isPresent();
    }

    /** The ECS deployment an event named for this record, else the one rolling out its revision (PRIMARY first). */
    public static Optional<EcsDeployment> ecsDeploymentOf(Deployment deployment, ServiceSnapshot snapshot) {
        return Optional.ofNullable(deployment.ecsDeploymentId())
                .flatMap(snapshot::deployment)
                .or(() -> snapshot.deployments().stream()
                        .filter(d -> d.taskDefinitionArn().equals(deployment.taskDefinitionArn()))
                        .min(Comparator.comparing((EcsDeployment d) -> !"PRIMARY".equals(d.status()))));
    }
}
