package dev.antigravity.lambdas.wiring.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.adapters.aws.AwsClients;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbDeliveryLog;
import dev.antigravity.lambdas.adapters.lambda.NotifierInvocation;
import dev.antigravity.lambdas.adapters.pagerduty.PagerDutyEventFormatter;
import dev.antigravity.lambdas.adapters.pagerduty.PagerDutySender;
import dev.antigravity.lambdas.adapters.secrets.CachingSecretSource;
import dev.antigravity.lambdas.adapters.secrets.SecretBearingPoster;
import dev.antigravity.lambdas.adapters.secrets.SecretSource;
import dev.antigravity.lambdas.adapters.secrets.SecretsManagerSecretSource;
import dev.antigravity.lambdas.adapters.slack.SlackMessageFormatter;
import dev.antigravity.lambdas.adapters.slack.SlackWebhookSender;
import dev.antigravity.lambdas.adapters.sns.SnsEnvelope;
import dev.antigravity.lambdas.adapters.webhook.Sleeper;
import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.app.notify.NotifyPlatformEvent;
import dev.antigravity.lambdas.domain.notification.ChannelSender;
import dev.antigravity.lambdas.domain.notification.DispatchPlanner;
import dev.antigravity.lambdas.domain.notification.RetrySchedule;
import dev.antigravity.lambdas.wiring.hooks.HooksConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Notifier settings from the environment: SLACK_WEBHOOK_SECRET_ID and PAGERDUTY_ROUTING_KEY_SECRET_ID (a channel
 * whose secret id is unset is not configured: its dispatches are skipped and logged), NOTIFY_ROUTES,
 * LEDGER_TABLE (delivery records), SECRETS_CACHE_TTL_SECONDS (default 300), PAGERDUTY_EVENTS_URL (default the
 * public Events API v2), AWS_REGION (console links), AWS_ENDPOINT_URL (local runs).
 */
@Module
public final class NotifierModule {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private NotifierModule() {}

    @Provides
    @Singleton
    static NotifierInvocation invocation(NotifyPlatformEvent notifier, EventCodec codec, Clock clock) {
        return new NotifierInvocation(new SnsEnvelope(codec.mapper()), codec, notifier, clock);
    }

    @Provides
    @Singleton
    static NotifyPlatformEvent notifier(
            Map<String, String> env, HooksConfig config, List<ChannelSender> senders, AwsClients clients, Clock clock) {
        return new NotifyPlatformEvent(
                new DispatchPlanner(NotifyRoutes.parse(env.get("NOTIFY_ROUTES"))),
                senders,
                new DynamoDbDeliveryLog(
                        clients.build(DynamoDbClient.builder(), "DYNAMODB"), config.requiredLedgerTable(), clock));
    }

    @Provides
    @Singleton
    static List<ChannelSender> senders(Map<String, String> env, AwsClients clients, EventCodec codec, Clock clock) {
        String region = env.getOrDefault("AWS_REGION", "us-east-1");
        ObjectMapper mapper = codec.mapper();
        SecretSource secrets = new CachingSecretSource(
                new SecretsManagerSecretSource(clients.build(SecretsManagerClient.builder(), "SECRETS_MANAGER")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("SECRETS_CACHE_TTL_SECONDS", "300"))),
                clock);
        WebhookPoster poster = new WebhookPoster(
                WebhookPoster.httpClient(CONNECT_TIMEOUT),
                READ_TIMEOUT,
                RetrySchedule.standard(),
                Sleeper.REAL,
                clock,
                () -> ThreadLocalRandom.current().nextDouble());
        List<ChannelSender> senders = new ArrayList<>();
        String slackSecret = env.get("SLACK_WEBHOOK_SECRET_ID");
        if (slackSecret != null && !slackSecret.isBlank()) {
            senders.add(new SlackWebhookSender(
                    new SecretBearingPoster(secrets, slackSecret, poster), new SlackMessageFormatter(mapper, region)));
        }
        String pagerDutySecret = env.get("PAGERDUTY_ROUTING_KEY_SECRET_ID");
        if (pagerDutySecret != null && !pagerDutySecret.isBlank()) {
            URI eventsUrl =
                    URI.create(env.getOrDefault("PAGERDUTY_EVENTS_URL", PagerDutySender.DEFAULT_EVENTS_URL.toString()));
            senders.add(new PagerDutySender(
                    new SecretBearingPoster(secrets, pagerDutySecret, poster),
                    eventsUrl,
                    new PagerDutyEventFormatter(mapper, region)));
        }
        return List.copyOf(senders);
    }
}
