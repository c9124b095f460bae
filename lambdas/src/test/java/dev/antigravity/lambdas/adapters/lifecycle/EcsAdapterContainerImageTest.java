package dev.antigravity.lambdas.adapters.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.lambdas.adapters.aws.EcsAdapter;
import dev.antigravity.lambdas.domain.port.EcsPort.ContainerImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a task definition revision runs is read from ECS once; a family name (which moves) is read every time. */
class EcsAdapterContainerImageTest {
    private static final String API_7 = "arn:aws:ecs:us-west-2:123456789012:task-definition/api:7";
    private static final String IMAGE = "123456789012.dkr.ecr.us-west-2.amazonaws.com/api@sha256:" + "a".repeat(64);

    private final EcsOnWireMock ecs = new EcsOnWireMock();
    private final EcsAdapter adapter = new EcsAdapter(ecs.client);

    @AfterEach
    void stop() {
        ecs.close();
    }

    private void taskDefinition() {
        ecs.answer(
                "DescribeTaskDefinition",
                "{\"taskDefinition\": {\"taskDefinitionArn\": \"" + API_7 + "\","
                        + " \"status\": \"ACTIVE\", \"containerDefinitions\": [{\"name\": \"api\", \"image\": \""
                        + IMAGE
                        + "\", \"environment\": [{\"name\": \"APP_VERSION\", \"value\": \"v7\"}]}]}}");
    }

    private int describeCalls() {
        return ecs.server
                .findAll(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(EcsOnWireMock.TARGET_PREFIX + "DescribeTaskDefinition")))
                .size();
    }

    @Test
    void aRevisionIsDescribedOnce() {
        taskDefinition();

        for (int i = 0; i < 3; i++) {
            assertThat(adapter.containerImage(API_7, "api"))
                    .map(ContainerImage::image)
                    .contains(IMAGE);
        }
        assertThat(adapter.containerImage(API_7, "sidecar")).isEmpty();

        assertThat(describeCalls()).as("one call per revision and container").isEqualTo(2);
    }

    @Test
    void aFamilyNameIsDescribedEveryTime() {
        taskDefinition();

        adapter.containerImage("api", "api");
        adapter.containerImage("api", "api");

        assertThat(describeCalls()).isEqualTo(2);
    }
}
