package dev.antigravity.lambdas.adapters.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.lambdas.adapters.aws.EcsAdapter;
import dev.antigravity.lambdas.domain.ServiceRef;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EcsAdapter.deployedSince reads ECS's deployment history (ListServiceDeployments, which keeps finished and failed
 * deployments, then DescribeServiceRevisions for their task definitions): moto answers neither, WireMock plays ECS.
 */
class EcsAdapterDeploymentHistoryTest {
    private static final ServiceRef SERVICE = new ServiceRef("my-cluster", "my-service");
    private static final String REVISION_93 =
            "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/93";
    private static final String REVISION_94 =
            "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/94";
    private static final String API_7 = "arn:aws:ecs:us-west-2:123456789012:task-definition/api:7";
    private static final String API_8 = "arn:aws:ecs:us-west-2:123456789012:task-definition/api:8";
    private static final Instant SINCE = Instant.parse("2026-11-30T10:00:00Z");

    private final EcsOnWireMock ecs = new EcsOnWireMock();
    private final EcsAdapter adapter = new EcsAdapter(ecs.client);

    @AfterEach
    void stop() {
        ecs.close();
    }

    private void history() {
        ecs.answer(
                "ListServiceDeployments",
                "{\"serviceDeployments\": ["
                        + "{\"serviceDeploymentArn\": \"d-1\", \"targetServiceRevisionArn\": \"" + REVISION_93
                        + "\", \"status\": \"ROLLBACK_SUCCESSFUL\"},"
                        + "{\"serviceDeploymentArn\": \"d-2\", \"targetServiceRevisionArn\": \"" + REVISION_94
                        + "\", \"status\": \"SUCCESSFUL\"}]}");
        ecs.answer(
                "DescribeServiceRevisions",
                "{\"serviceRevisions\": ["
                        + "{\"serviceRevisionArn\": \"" + REVISION_93 + "\", \"taskDefinition\": \"" + API_8 + "\"},"
                        + "{\"serviceRevisionArn\": \"" + REVISION_94 + "\", \"taskDefinition\": \"" + API_7 + "\"}], "
                        + "\"failures\": []}");
    }

    @Test
    void aRolloutEcsFailedAndRolledBackIsStillInTheHistory() {
        history();

        assertThat(adapter.deployedSince(SERVICE, API_8, SINCE)).isTrue();
        ecs.server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(EcsOnWireMock.TARGET_PREFIX + "ListServiceDeployments"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("my-service")))
                .withRequestBody(matchingJsonPath("$.cluster", equalTo("my-cluster")))
                .withRequestBody(matchingJsonPath("$.createdAt.after")));
    }

    @Test
    void aRevisionNoDeploymentTargetedSinceWasNeverDeployed() {
        history();

        assertThat(adapter.deployedSince(SERVICE, "arn:aws:ecs:us-west-2:123456789012:task-definition/api:9", SINCE))
                .isFalse();
    }

    @Test
    void anEmptyHistoryAsksNothingMore() {
        ecs.answer("ListServiceDeployments", "{\"serviceDeployments\": []}");

        assertThat(adapter.deployedSince(SERVICE, API_8, SINCE)).isFalse();
    }
}
