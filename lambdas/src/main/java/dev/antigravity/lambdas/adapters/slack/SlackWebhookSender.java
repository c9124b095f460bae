package dev.antigravity.lambdas.adapters.slack;

import dev.antigravity.lambdas.adapters.secrets.SecretSource;
import dev.antigravity.lambdas.adapters.secrets.SecretUnavailableException;
import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.ChannelSender;
import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import java.net.URI;

/** Posts to the Slack incoming webhook whose URL is the secret {@code SLACK_WEBHOOK_SECRET_ID}. */
public final class SlackWebhookSender implements ChannelSender {
    private final SecretSource secrets;
    private final String webhookSecretId;
    private final SlackMessageFormatter formatter;
    private final WebhookPoster poster;

    public SlackWebhookSender(SecretSource secrets, String webhookSecretId, SlackMessageFormatter formatter,
                              WebhookPoster poster) {
        this.secrets = secrets;
        this.webhookSecretId = webhookSecretId;
        this.formatter = formatter;
        this.poster = poster;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public void send(Dispatch dispatch) {
        URI webhook;
        try {
            webhook = URI.create(secrets.get(webhookSecretId).reveal());
        } catch (SecretUnavailableException | IllegalArgumentException e) {
            // Said without the value: a malformed URL's message would echo the secret.
            throw new DeliveryFailedException(Channel.SLACK, false,
                    "webhook URL unavailable from secret " + webhookSecretId, null);
        }
        try {
            poster.post(Channel.SLACK, webhook, formatter.format(dispatch));
        } catch (DeliveryFailedException e) {
            if (e.permanent()) {
                // A revoked or rotated webhook answers 403/404/410: read the secret afresh next time.
                secrets.invalidate(webhookSecretId);
            }
            throw e;
        }
    }
}
