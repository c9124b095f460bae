package dev.antigravity.lambdas.domain.dora;

import static dev.antigravity.lambdas.domain.dora.DoraCalculatorTest.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransitionMetricsTest {
    @Test
    void aRollbackCountsOneFailureAndItsTimeToRestore() {
        assertThat(TransitionMetrics.of(
                        deployment("api:3", "ROLLING_BACK", "rollbackStartedAt", "2026-11-21T09:30:00Z")))
                .extracting(MetricValue::name)
                .containsExactly("DeploymentTransitions", "ChangeFailures");
        assertThat(TransitionMetrics.of(deployment(
                        "api:3",
                        "ROLLED_BACK",
                        "rollbackStartedAt",
                        "2026-11-21T09:30:00Z",
                        "rolledBackAt",
                        "2026-11-21T09:42:00Z")))
                .contains(new MetricValue("TimeToRestoreSeconds", MetricValue.SECONDS, 720));
    }

    @Test
    void aFailureAlreadyCountedIsNotCountedAgain() {
        assertThat(TransitionMetrics.of(deployment(
                        "api:7",
                        "ROLLBACK_FAILED",
                        "rollbackStartedAt",
                        "2026-11-25T20:30:00Z",
                        "failedAt",
                        "2026-11-25T20:35:00Z")))
                .extracting(MetricValue::name)
                .containsExactly("DeploymentTransitions");
        assertThat(TransitionMetrics.of(deployment("api:4", "FAILED", "failedAt", "2026-11-22T12:20:00Z")))
                .extracting(MetricValue::name)
                .containsExactly("DeploymentTransitions", "ChangeFailures");
    }

    @Test
    void aStableDeploymentWithoutAPushTimeHasNoLeadTime() {
        assertThat(TransitionMetrics.of(deployment("api:1", "STABLE", "stableAt", "2026-11-20T10:30:00Z")))
                .extracting(MetricValue::name)
                .containsExactly("DeploymentTransitions", "Deployments");
    }
}
