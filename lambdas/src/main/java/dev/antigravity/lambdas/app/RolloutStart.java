package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import java.time.Instant;

/**
 * When a revision began to run: its ECS deployment's createdAt when ECS still lists it, else when Antigravity
 * accepted it. A guard alarm that went to ALARM before this moment is an incident the revision did not cause.
 */
final class RolloutStart {
    private RolloutStart() {
    }

    static Instant of(Deployment deployment, ServiceSnapshot snapshot) {
        Instant accepted = deployment.at(TimelineKey.acceptedAt).orElse(null);
        Instant created = deployment.ecsDeploymentId() == null ? null
                : snapshot.deployment(deployment.ecsDeploymentId()).map(EcsDeployment::createdAt).orElse(null);
        return created != null ? created : accepted;
    }
}
