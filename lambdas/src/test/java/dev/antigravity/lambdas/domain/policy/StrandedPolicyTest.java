package dev.antigravity.lambdas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrandedPolicyTest {
    private static final ServiceRef API = new ServiceRef("prod", "api");
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final String REV = "arn:aws:ecs:us-east-1:1:task-definition/api:7";
    private final StrandedPolicy policy = new StrandedPolicy(Duration.ofMinutes(10));
    private final Deployment pending = Deployment.accepted(
            API, REV, null, null, new ImageRef("antigravity/api", "sha256:aa", "sha-3f2a9c1"), T0, T0, "pushed");

    @Test
    void aRecordIsStrandedOnceItsCurrentStateIsOlderThanTheBound() {
        assertThat(policy.isStranded(pending, T0.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(policy.isStranded(pending, T0.plus(Duration.ofMinutes(10)))).isTrue();

        Deployment verifying = pending.on(DeploymentEvent.ECS_COMPLETED, T0.plus(Duration.ofMinutes(8)), "ecs")
                .orElseThrow();
        assertThat(policy.isStranded(verifying, T0.plus(Duration.ofMinutes(12))))
                .as("judged by completedAt")
                .isFalse();
        assertThat(policy.isStranded(verifying, T0.plus(Duration.ofMinutes(18))))
                .isTrue();
    }

    @Test
    void settledRecordsAreNeverStranded() {
        Deployment failed = pending.on(DeploymentEvent.ECS_FAILED, T0, "ecs").orElseThrow();
        assertThat(policy.isStranded(failed, T0.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void theEcsDeploymentIsTheOneAnEventNamedElseThePrimaryRollingOutTheRevision() {
        EcsDeployment active = new EcsDeployment("ecs-svc/old", "ACTIVE", REV, "COMPLETED", 1, 1, 0, null);
        EcsDeployment primary = new EcsDeployment("ecs-svc/new", "PRIMARY", REV, "IN_PROGRESS", 1, 2, 0, null);
        EcsDeployment other =
                new EcsDeployment("ecs-svc/x", "ACTIVE", REV.replace(":7", ":6"), "FAILED", 0, 0, 2, null);
        ServiceSnapshot snapshot =
                new ServiceSnapshot(API, REV, 2, 2, 1, List.of(active, primary, other), List.of(), false);

        assertThat(StrandedPolicy.ecsDeploymentOf(pending, snapshot)).contains(primary);
        assertThat(StrandedPolicy.ecsDeploymentOf(pending.withEcsDeploymentId("ecs-svc/old"), snapshot))
                .contains(active);
        assertThat(StrandedPolicy.ecsDeploymentOf(
                        pending, new ServiceSnapshot(API, REV, 2, 2, 0, List.of(other), List.of(), false)))
                .isEmpty();
    }
}
