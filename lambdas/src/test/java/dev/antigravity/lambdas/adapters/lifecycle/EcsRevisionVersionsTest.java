package dev.antigravity.lambdas.adapters.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * DescribeServiceRevisions is one of the ECS calls moto cannot answer (HTTP 500), so ECS's JSON protocol is
 * played by WireMock here.
 */
class EcsRevisionVersionsTest {
    private static final String TARGET = "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/93";
    private static final String TASK_DEFINITION = "arn:aws:ecs:us-west-2:123456789012:task-definition/api:7";

    private final WireMockServer ecs = new WireMockServer(wireMockConfig().dynamicPort());
    private EcsClient client;

    @BeforeEach
    void start() {
        ecs.start();
        client = EcsClient.builder().endpointOverride(URI.create(ecs.baseUrl())).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(s -> s.maxAttempts(1))).build();
    }

    @AfterEach
    void stop() {
        client.close();
        ecs.stop();
    }

    @Test
    void theVersionIsTheNamedContainersAppVersionInTheRevisionsTaskDefinition() {
        answer("DescribeServiceRevisions", "{\"serviceRevisions\": [{\"serviceRevisionArn\": \"" + TARGET
                + "\", \"taskDefinition\": \"" + TASK_DEFINITION + "\"}], \"failures\": []}");
        answer("DescribeTaskDefinition", "{\"taskDefinition\": {\"taskDefinitionArn\": \"" + TASK_DEFINITION
                + "\", \"containerDefinitions\": ["
                + "{\"name\": \"otel\", \"environment\": [{\"name\": \"APP_VERSION\", \"value\": \"collector\"}]},"
                + "{\"name\": \"api\", \"environment\": [{\"name\": \"TZ\", \"value\": \"UTC\"},"
                + " {\"name\": \"APP_VERSION\", \"value\": \"sha-abc1234\"}]}]}}");
        EcsRevisionVersions versions = new EcsRevisionVersions(client);

        assertThat(versions.versionOf(TARGET, "api")).contains("sha-abc1234");
        assertThat(versions.versionOf(TARGET, null)).contains("collector");
        assertThat(versions.versionOf(TARGET, "sidecar")).isEmpty();
    }

    @Test
    void aRevisionEcsDoesNotKnowYetIsTransient() {
        answer("DescribeServiceRevisions", "{\"serviceRevisions\": [], \"failures\": [{\"arn\": \"" + TARGET
                + "\", \"reason\": \"MISSING\"}]}");

        assertThatThrownBy(() -> new EcsRevisionVersions(client).versionOf(TARGET, "api"))
                .isInstanceOf(TransientCheckException.class).hasMessageContaining("does not (yet) know");
    }

    @Test
    void throttlingIsTransientAndAnAccessErrorIsNot() {
        AwsTransientErrors transientErrors = new AwsTransientErrors();
        ecs.stubFor(post("/").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"ThrottlingException\", \"message\": \"Rate exceeded\"}")));
        assertThatThrownBy(() -> new EcsRevisionVersions(client).versionOf(TARGET, "api"))
                .isInstanceOfSatisfying(SdkException.class, e -> assertThat(transientErrors.test(e)).isTrue());

        ecs.resetAll();
        ecs.stubFor(post("/").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"not allowed\"}")));
        assertThatThrownBy(() -> new EcsRevisionVersions(client).versionOf(TARGET, "api"))
                .isInstanceOfSatisfying(SdkException.class, e -> assertThat(transientErrors.test(e)).isFalse());

        ecs.stop();
        assertThatThrownBy(() -> new EcsRevisionVersions(client).versionOf(TARGET, "api"))
                .isInstanceOfSatisfying(SdkException.class, e -> assertThat(transientErrors.test(e)).isTrue());
    }

    private void answer(String operation, String json) {
        ecs.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113." + operation))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(json)));
    }
}
