package dev.antigravity.lambdas.adapters.slack;

import dev.antigravity.lambdas.adapters.secrets.SecretBearingPoster;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.ChannelSender;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import java.net.URI;

/** Posts to the Slack incoming webhook whose URL is the secret {@code SLACK_WEBHOOK_SECRET_ID}. */
public final class SlackWebhookSender implements ChannelSender {
    private final SecretBearingPoster poster;
    private final SlackMessageFormatter formatter;

    public SlackWebhookSender(SecretBearingPoster poster, SlackMessageFormatter formatter) {
        this.poster = poster;
        this.formatter = formatter;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public void send(Dispatch dispatch) {
        poster.post(Channel.SLACK, URI::create, webhookUrl -> formatter.format(dispatch));
    }
}
