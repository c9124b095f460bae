package dev.antigravity.lambdas.adapters.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds every AWS SDK client the same way, for a fast cold start: the JDK's URL-connection HTTP client (no
 * Apache/Netty), region from AWS_REGION (no provider chain lookup), endpoint from AWS_ENDPOINT_URL_&lt;SERVICE&gt; or
 * AWS_ENDPOINT_URL when set (moto, WireMock), and the SDK's STANDARD retry mode — exponential backoff with jitter
 * on throttling and 5xx, then the error surfaces so Lambda's retry and DLQ take over. AWS_MAX_ATTEMPTS bounds it.
 */
public final class AwsClients {
    static final int DEFAULT_MAX_ATTEMPTS = 4;

    private final Map<String, String> env;
    private final SdkHttpClient http;

    public AwsClients(Map<String, String> env) {
        this.env = env;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** @param serviceId the SDK's service id as the endpoint variables spell it, e.g. "ECS", "CLOUDWATCH" */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder, String serviceId) {
        builder.httpClient(http)
                .region(region())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(
                        c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(maxAttempts())));
        endpoint(serviceId).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    Region region() {
        String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        return Region.of(region);
    }

    int maxAttempts() {
        String value = env.get("AWS_MAX_ATTEMPTS");
        return value == null || value.isBlank() ? DEFAULT_MAX_ATTEMPTS : Integer.parseInt(value.trim());
    }

    java.util.Optional<URI> endpoint(String serviceId) {
        String specific = env.get("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT));
        String general = env.get("AWS_ENDPOINT_URL");
        String chosen = specific != null && !specific.isBlank() ? specific : general;
        return chosen == null || chosen.isBlank()
                ? java.util.Optional.empty()
                : java.util.Optional.of(URI.create(chosen));
    }
}
