package dev.antigravity.lambdas.notifyfixtures;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.lambdas.adapters.pagerduty.PagerDutyEventFormatter;
import dev.antigravity.lambdas.adapters.pagerduty.PagerDutySender;
import dev.antigravity.lambdas.adapters.secrets.SecretBearingPoster;
import dev.antigravity.lambdas.adapters.slack.SlackMessageFormatter;
import dev.antigravity.lambdas.adapters.slack.SlackWebhookSender;
import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.domain.notification.ChannelSender;
import java.net.URI;
import java.util.List;

/** The real Slack and PagerDuty senders, pointed at WireMock: secret "slack" holds the webhook, "pd" the key. */
public final class ChannelFixtures {
    private ChannelFixtures() {}

    public static SlackWebhookSender slack(FakeSecrets secrets, WebhookPoster poster, String region) {
        return new SlackWebhookSender(
                new SecretBearingPoster(secrets, "slack", poster),
                new SlackMessageFormatter(new ObjectMapper(), region));
    }

    public static List<ChannelSender> both(FakeSecrets secrets, String pagerDutyBaseUrl, WebhookPoster poster) {
        return List.of(
                slack(secrets, poster, "us-east-1"),
                new PagerDutySender(
                        new SecretBearingPoster(secrets, "pd", poster),
                        URI.create(pagerDutyBaseUrl + "/v2/enqueue"),
                        new PagerDutyEventFormatter(new ObjectMapper(), "us-east-1")));
    }
}
