package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * When a revision began to run: the createdAt of ECS's deployment that runs it now (or of its own rollout, while
 * ECS still lists it), else when Antigravity accepted it. A guard alarm that went to ALARM before this moment is an incident the revision did not cause.
 */
final class RolloutStart {
    private RolloutStart() {}

    static Instant of(Deployment deployment, ServiceSnapshot snapshot) {
        Instant accepted = deployment.at(TimelineKey.acceptedAt).orElse(null);
        // ECS may have deployed the revision again since (its own rollback to it): it runs from that moment.
        Instant created = snapshot.primary()
                .filter(p -> p.taskDefinitionArn().equals(deployment.taskDefinitionArn()))
                .or(() -> Optional.ofNullable(deployment.ecsDeploymentId()).flatMap(snapshot::deployment))
                .map(EcsDeployment::createdAt)
                .orElse(null);
        return created != null ? created : accepted;
    }
}
