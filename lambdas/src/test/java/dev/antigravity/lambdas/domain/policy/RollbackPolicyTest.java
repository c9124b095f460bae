package dev.antigravity.lambdas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RollbackPolicyTest {
    static final ServiceRef API = new ServiceRef("prod", "api");
    static final String V6 = "arn:aws:ecs:us-east-1:1:task-definition/api:6";
    static final String V7 = "arn:aws:ecs:us-east-1:1:task-definition/api:7";
    private final RollbackPolicy policy =
            new RollbackPolicy(new Settings("prod", Duration.ofMinutes(15), 3, Duration.ofMinutes(60)));

    static Deployment deployment(String rev, String target, DeploymentState state) {
        return new Deployment(
                API,
                Deployment.idOf(rev),
                rev,
                V6,
                target,
                new ImageRef("r", "sha256:aa", "sha-1"),
                state,
                null,
                true,
                Map.of(),
                "",
                null,
                false,
                null,
                0);
    }

    @ParameterizedTest
    @EnumSource(
            value = DeploymentState.class,
            names = {"PENDING", "IN_PROGRESS", "VERIFYING", "BAKING"})
    void guardedDeploymentsRollBackToTheirTarget(DeploymentState state) {
        RollbackDecision decision = policy.decide(deployment(V7, V6, state), Optional.of(V6), 0, false);
        assertThat(decision).isEqualTo(new RollbackDecision.RollBack(V6, "roll back to api:6"));
    }

    @ParameterizedTest
    @EnumSource(
            value = DeploymentState.class,
            names = {"STABLE", "FAILED", "ROLLING_BACK", "ROLLED_BACK", "ROLLBACK_FAILED", "SUPERSEDED"})
    void nothingElseRollsBack(DeploymentState state) {
        assertThat(policy.decide(deployment(V7, V6, state), Optional.empty(), 0, false))
                .isInstanceOf(RollbackDecision.Ignore.class);
    }

    @Test
    void aRollbackIsNeverRolledBack() {
        assertThat(policy.decide(deployment(V7, V6, DeploymentState.ROLLING_BACK), Optional.empty(), 0, false)
                        .reason())
                .contains("never rolled back");
    }

    @Test
    void noTargetOrSelfTargetIsRefused() {
        assertThat(policy.decide(deployment(V7, null, DeploymentState.BAKING), Optional.empty(), 0, false))
                .isInstanceOf(RollbackDecision.Refuse.class);
        assertThat(policy.decide(deployment(V7, V7, DeploymentState.BAKING), Optional.of(V7), 0, false))
                .isInstanceOf(RollbackDecision.Refuse.class);
    }

    @Test
    void theRollbackPastTheLimitSuspendsAutomation() {
        assertThat(policy.decide(deployment(V7, V6, DeploymentState.BAKING), Optional.of(V6), 2, false))
                .isInstanceOf(RollbackDecision.RollBack.class);
        RollbackDecision fourth = policy.decide(deployment(V7, V6, DeploymentState.BAKING), Optional.of(V6), 3, false);
        assertThat(fourth).isInstanceOf(RollbackDecision.Suspend.class);
        assertThat(fourth.reason()).contains("limit 3");
    }

    @Test
    void suspendedServicesAreLeftToHumans() {
        assertThat(policy.decide(deployment(V7, V6, DeploymentState.BAKING), Optional.of(V6), 0, true))
                .isInstanceOf(RollbackDecision.Ignore.class);
    }
}
