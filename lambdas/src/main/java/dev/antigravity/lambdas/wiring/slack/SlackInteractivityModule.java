package dev.antigravity.lambdas.wiring.slack;

import dagger.Module;
import dagger.Provides;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.adapters.aws.AwsClients;
import dev.antigravity.lambdas.adapters.lambda.FunctionUrlInvocation;
import dev.antigravity.lambdas.adapters.secrets.CachingSecretSource;
import dev.antigravity.lambdas.adapters.secrets.SecretsManagerSecretSource;
import dev.antigravity.lambdas.adapters.slack.SlackInteractivity;
import dev.antigravity.lambdas.adapters.slack.SlackThreadReply;
import dev.antigravity.lambdas.adapters.webhook.Sleeper;
import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.app.OperatorControls;
import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.control.ControlPermissions;
import dev.antigravity.lambdas.domain.notification.RetrySchedule;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.wiring.controls.ControlsModule;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Slack interactivity function's settings: SLACK_SIGNING_SECRET_ID (required), SLACK_ALLOWED_USERS
 * ({@code rollback=U1,U2;promote=U1;freeze=U1;resume=U1}; an action not listed is allowed to nobody),
 * SLACK_RESPONSE_URL_PREFIX (default {@code https://hooks.slack.com/}; tests point it at WireMock),
 * SECRETS_CACHE_TTL_SECONDS (default 300).
 */
@Module(includes = ControlsModule.class)
public final class SlackInteractivityModule {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** Slack accepts a response_url for 30 minutes, but the clicker waits: two attempts, a short pause. */
    static final RetrySchedule REPLY_RETRIES =
            new RetrySchedule(2, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1));

    private SlackInteractivityModule() {}

    @Provides
    @Singleton
    static FunctionUrlInvocation invocation(SlackInteractivity interactivity, EventCodec codec) {
        return new FunctionUrlInvocation(interactivity, codec.mapper());
    }

    @Provides
    @Singleton
    static SlackInteractivity interactivity(
            Map<String, String> env,
            AwsClients clients,
            LedgerPort ledger,
            OperatorControls controls,
            EventCodec codec,
            Clock clock) {
        String secretId = env.get("SLACK_SIGNING_SECRET_ID");
        if (secretId == null || secretId.isBlank()) {
            throw new ConfigurationException("SLACK_SIGNING_SECRET_ID is not set");
        }
        CachingSecretSource secrets = new CachingSecretSource(
                new SecretsManagerSecretSource(clients.build(SecretsManagerClient.builder(), "SECRETS_MANAGER")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("SECRETS_CACHE_TTL_SECONDS", "300"))),
                clock);
        WebhookPoster poster = new WebhookPoster(
                WebhookPoster.httpClient(CONNECT_TIMEOUT),
                READ_TIMEOUT,
                REPLY_RETRIES,
                Sleeper.REAL,
                clock,
                () -> ThreadLocalRandom.current().nextDouble());
        SlackThreadReply reply = new SlackThreadReply(
                poster,
                codec.mapper(),
                env.getOrDefault("SLACK_RESPONSE_URL_PREFIX", SlackThreadReply.SLACK_RESPONSE_PREFIX));
        return new SlackInteractivity(
                secrets,
                secretId,
                ledger,
                ControlPermissions.parse(env.get("SLACK_ALLOWED_USERS")),
                controls,
                reply,
                codec.mapper(),
                clock);
    }
}
