package dev.antigravity.lambdas.adapters.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import org.junit.jupiter.api.Test;

/** DescribeServiceRevisions' resolved load balancer configuration, played by WireMock (moto lacks the call). */
class EcsRevisionTargetGroupsTest {
    private static final String REVISION = "arn:aws:ecs:us-east-1:123456789012:service-revision/prod/api/222";
    private static final String GREEN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-green/2b";

    @Test
    void theResolvedTargetGroupOfTheRevision() {
        try (EcsOnWireMock ecs = new EcsOnWireMock()) {
            ecs.answer(
                    "DescribeServiceRevisions",
                    "{\"serviceRevisions\": [{\"serviceRevisionArn\": \"" + REVISION
                            + "\", \"resolvedConfiguration\": {\"loadBalancers\": [{\"targetGroupArn\": \"" + GREEN
                            + "\", \"productionListenerRule\": \"arn:aws:elasticloadbalancing:us-east-1:123456789012:"
                            + "listener-rule/app/api/9f/1/2\"}]}}], \"failures\": []}");

            assertThat(new EcsRevisionTargetGroups(ecs.client).targetGroupOf(REVISION))
                    .contains(GREEN);
        }
    }

    @Test
    void aRevisionWithoutLoadBalancersHasNoTargetGroup() {
        try (EcsOnWireMock ecs = new EcsOnWireMock()) {
            ecs.answer(
                    "DescribeServiceRevisions",
                    "{\"serviceRevisions\": [{\"serviceRevisionArn\": \"" + REVISION + "\"}], \"failures\": []}");

            assertThat(new EcsRevisionTargetGroups(ecs.client).targetGroupOf(REVISION))
                    .isEmpty();
        }
    }

    @Test
    void aRevisionEcsDoesNotKnowYetIsTransient() {
        try (EcsOnWireMock ecs = new EcsOnWireMock()) {
            ecs.answer(
                    "DescribeServiceRevisions",
                    "{\"serviceRevisions\": [], \"failures\": [{\"arn\": \"" + REVISION
                            + "\", \"reason\": \"MISSING\"}]}");

            assertThatThrownBy(() -> new EcsRevisionTargetGroups(ecs.client).targetGroupOf(REVISION))
                    .isInstanceOf(TransientCheckException.class);
        }
    }
}
