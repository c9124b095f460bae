package dev.antigravity.api.notify;

import dev.antigravity.api.jobs.PeriodicJob;
import dev.antigravity.api.repository.NotificationOutboxRepository;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the notification-delivery job from the {@code notifications} configuration. */
public final class Notifications {
    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());
    /** One send may take this long at most, well inside the lease. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private Notifications() {}

    /** Every task runs it; the claims keep tasks from sending one message twice. */
    public static PeriodicJob deliveryJob(Config notifications, DbClient db, Clock clock, OpenTelemetry telemetry) {
        DeliveryPolicy policy = policy(notifications);
        // The sender (and its AWS clients) is built on the first run: routes are also recorded
        // without a server, and that must not open clients.
        AtomicReference<NotificationDelivery> delivery = new AtomicReference<>();
        return new PeriodicJob(
                "notification-delivery",
                notifications.get("poll").as(Duration.class).orElse(Duration.ofSeconds(5)),
                telemetry,
                correlationId -> delivery.updateAndGet(built -> built != null
                                ? built
                                : new NotificationDelivery(
                                        db,
                                        new NotificationOutboxRepository(),
                                        sender(notifications, telemetry),
                                        policy,
                                        clock))
                        .deliverDue(correlationId));
    }

    public static DeliveryPolicy policy(Config notifications) {
        return new DeliveryPolicy(
                notifications.get("batch").asInt().orElse(20),
                notifications.get("lease").as(Duration.class).orElse(Duration.ofMinutes(1)),
                notifications.get("attempts").asInt().orElse(10),
                notifications.get("backoff.base").as(Duration.class).orElse(Duration.ofSeconds(10)),
                notifications.get("backoff.max").as(Duration.class).orElse(Duration.ofMinutes(30)));
    }

    /** SES and SNS when a sender address is configured; otherwise the log, said once at start. */
    public static NotificationSender sender(Config notifications) {
        return sender(notifications, OpenTelemetry.noop());
    }

    /** The same, every SES and SNS request carrying the current span's W3C {@code traceparent}. */
    public static NotificationSender sender(Config notifications, OpenTelemetry telemetry) {
        Optional<String> from = nonEmpty(notifications.get("email.from"));
        if (from.isEmpty()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Customer notifications are only logged (LoggingNotificationSender): "
                            + "notifications.email.from is empty");
            return new LoggingNotificationSender();
        }
        Optional<String> region = nonEmpty(notifications.get("region"));
        Optional<URI> endpoint = nonEmpty(notifications.get("endpoint")).map(URI::create);
        TraceContextInterceptor tracing = new TraceContextInterceptor(telemetry);
        return new AwsNotificationSender(
                aws(SesV2Client.builder(), region, endpoint, tracing),
                aws(SnsClient.builder(), region, endpoint, tracing),
                from.get(),
                nonEmpty(notifications.get("email.configset")));
    }

    /**
     * The SDK's own defaults for what is not configured (region from AWS_REGION, endpoint from
     * AWS_ENDPOINT_URL, the task role's credentials), on the url-connection client, with short
     * time-outs and one quick SDK retry: the outbox does the patient retrying.
     */
    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C aws(
            B builder, Optional<String> region, Optional<URI> endpoint, TraceContextInterceptor tracing) {
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(s -> s.maxAttempts(2))
                        .apiCallTimeout(SEND_TIMEOUT)
                        .addExecutionInterceptor(tracing))
                .build();
    }

    private static Optional<String> nonEmpty(Config value) {
        return value.asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }
}
