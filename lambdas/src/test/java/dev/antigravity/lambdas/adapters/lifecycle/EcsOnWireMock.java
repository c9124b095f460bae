package dev.antigravity.lambdas.adapters.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * ECS's JSON protocol played by WireMock, for the calls moto cannot answer (HTTP 500): DescribeServiceRevisions,
 * DescribeServiceDeployments, ListServiceDeployments. The client makes one attempt, so every stub is seen as is.
 */
final class EcsOnWireMock implements AutoCloseable {
    static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    final EcsClient client;

    EcsOnWireMock() {
        server.start();
        client = EcsClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(s -> s.maxAttempts(1)))
                .build();
    }

    /** {@code operation} answers 200 with {@code json}. */
    void answer(String operation, String json) {
        server.stubFor(post("/")
                .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", JSON_1_1)
                        .withBody(json)));
    }

    /** Every operation answers 400 with the AWS error {@code type}. */
    void fail(String type, String message) {
        server.resetAll();
        server.stubFor(post("/")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", JSON_1_1)
                        .withBody("{\"__type\": \"" + type + "\", \"message\": \"" + message + "\"}")));
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
