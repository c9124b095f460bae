package dev.antigravity.lambdas.adapters.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/** DescribeServiceRevisions is one of the ECS calls moto cannot answer, so ECS is played by WireMock here. */
class EcsRevisionVersionsTest {
    private static final String TARGET = "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/93";
    private static final String TASK_DEFINITION = "arn:aws:ecs:us-west-2:123456789012:task-definition/api:7";

    private final EcsOnWireMock ecs = new EcsOnWireMock();
    private final EcsRevisionVersions versions = new EcsRevisionVersions(ecs.client);

    @AfterEach
    void stop() {
        ecs.close();
    }

    @Test
    void theVersionIsTheNamedContainersAppVersionInTheRevisionsTaskDefinition() {
        ecs.answer(
                "DescribeServiceRevisions",
                "{\"serviceRevisions\": [{\"serviceRevisionArn\": \"" + TARGET + "\", \"taskDefinition\": \""
                        + TASK_DEFINITION + "\"}], \"failures\": []}");
        ecs.answer(
                "DescribeTaskDefinition",
                "{\"taskDefinition\": {\"taskDefinitionArn\": \"" + TASK_DEFINITION
                        + "\", \"containerDefinitions\": ["
                        + "{\"name\": \"otel\", \"environment\": [{\"name\": \"APP_VERSION\", \"value\": \"collector\"}]},"
                        + "{\"name\": \"api\", \"environment\": [{\"name\": \"TZ\", \"value\": \"UTC\"},"
                        + " {\"name\": \"APP_VERSION\", \"value\": \"sha-abc1234\"}]}]}}");

        assertThat(versions.versionOf(TARGET, "api")).contains("sha-abc1234");
        assertThat(versions.versionOf(TARGET, null)).contains("collector");
        assertThat(versions.versionOf(TARGET, "sidecar")).isEmpty();
    }

    @Test
    void aRevisionEcsDoesNotKnowYetIsTransient() {
        ecs.answer(
                "DescribeServiceRevisions",
                "{\"serviceRevisions\": [], \"failures\": [{\"arn\": \"" + TARGET + "\", \"reason\": \"MISSING\"}]}");

        assertThatThrownBy(() -> versions.versionOf(TARGET, "api"))
                .isInstanceOf(TransientCheckException.class)
                .hasMessageContaining("does not (yet) know");
    }

    @Test
    void throttlingIsTransientAndAnAccessErrorIsNot() {
        AwsTransientErrors transientErrors = new AwsTransientErrors();
        ecs.fail("ThrottlingException", "Rate exceeded");
        assertThatThrownBy(() -> versions.versionOf(TARGET, "api"))
                .isInstanceOfSatisfying(
                        SdkException.class,
                        e -> assertThat(transientErrors.test(e)).isTrue());

        ecs.fail("AccessDeniedException", "not allowed");
        assertThatThrownBy(() -> versions.versionOf(TARGET, "api"))
                .isInstanceOfSatisfying(
                        SdkException.class,
                        e -> assertThat(transientErrors.test(e)).isFalse());

        ecs.server.stop();
        assertThatThrownBy(() -> versions.versionOf(TARGET, "api"))
                .isInstanceOfSatisfying(
                        SdkException.class,
                        e -> assertThat(transientErrors.test(e)).isTrue());
    }
}
