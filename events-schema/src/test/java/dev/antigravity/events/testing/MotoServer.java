package dev.antigravity.events.testing;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The moto_server integration tests talk to: AWS_ENDPOINT_URL when set; else a Testcontainers moto when Docker
 * is present; else the test is skipped — or fails when REQUIRE_INTEGRATION=true.
 */
public final class MotoServer {
    private static final String IMAGE = "motoserver/moto:5.2.1";
    private static volatile URI endpoint;

    private MotoServer() {}

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = locate();
        }
        return endpoint;
    }

    public static Region region() {
        String region = System.getenv("AWS_REGION");
        return Region.of(region == null || region.isBlank() ? "us-east-1" : region);
    }

    /** Points an SDK builder at moto with retries off: moto answers unimplemented operations with HTTP 500. */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(endpoint())
                .region(region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(s -> s.maxAttempts(1)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Shared moto: every resource a test creates carries a fresh suffix. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static URI locate() {
        String configured = System.getenv("AWS_ENDPOINT_URL");
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured);
        }
        if (dockerAvailable()) {
            @SuppressWarnings("resource") // lives as long as the test JVM; Ryuk removes it
            GenericContainer<?> moto = new GenericContainer<>(IMAGE).withExposedPorts(5000);
            moto.start();
            return URI.create("http://" + moto.getHost() + ":" + moto.getMappedPort(5000));
        }
        String reason = "no AWS_ENDPOINT_URL and no Docker engine for moto_server"
                + " (scripts/test starts moto_server and runs every test)";
        if ("true".equalsIgnoreCase(System.getenv("REQUIRE_INTEGRATION"))) {
            Assertions.fail(reason + " (REQUIRE_INTEGRATION=true)");
        }
        Assumptions.abort(reason);
        throw new IllegalStateException("unreachable");
    }

    /**
     * {@code @ExtendWith(MotoServer.Required.class)} for a class that opens moto in {@code @BeforeAll}: a skip
     * raised there is not reported by Surefire (the class's tests just vanish), so the convention is applied
     * as a condition, which reports every test skipped with the reason.
     */
    public static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try {
                return ConditionEvaluationResult.enabled("moto_server at " + endpoint());
            } catch (TestAbortedException skipped) {
                return ConditionEvaluationResult.disabled(skipped.getMessage());
            }
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
