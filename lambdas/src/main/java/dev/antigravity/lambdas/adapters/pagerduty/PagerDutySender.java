package dev.antigravity.lambdas.adapters.pagerduty;

import dev.antigravity.lambdas.adapters.secrets.SecretSource;
import dev.antigravity.lambdas.adapters.secrets.SecretUnavailableException;
import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.ChannelSender;
import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import java.net.URI;

/** Sends Events API v2 events with the routing key held in secret {@code PAGERDUTY_ROUTING_KEY_SECRET_ID}. */
public final class PagerDutySender implements ChannelSender {
    /** The public Events API v2 endpoint; overridable for tests and EU service regions. */
    public static final URI DEFAULT_EVENTS_URL = URI.create("https://events.pagerduty.com/v2/enqueue");

    private final SecretSource secrets;
    private final String routingKeySecretId;
    private final URI eventsUrl;
    private final PagerDutyEventFormatter formatter;
    private final WebhookPoster poster;

    public PagerDutySender(SecretSource secrets, String routingKeySecretId, URI eventsUrl,
                           PagerDutyEventFormatter formatter, WebhookPoster poster) {
        this.secrets = secrets;
        this.routingKeySecretId = routingKeySecretId;
        this.eventsUrl = eventsUrl;
        this.formatter = formatter;
        this.poster = poster;
    }

    @Override
    public Channel channel() {
        return Channel.PAGERDUTY;
    }

    @Override
    public void send(Dispatch dispatch) {
        String routingKey;
        try {
            routingKey = secrets.get(routingKeySecretId).reveal();
        } catch (SecretUnavailableException e) {
            throw new DeliveryFailedException(Channel.PAGERDUTY, false,
                    "routing key unavailable from secret " + routingKeySecretId, e);
        }
        try {
            poster.post(Channel.PAGERDUTY, eventsUrl, formatter.format(dispatch, routingKey));
        } catch (DeliveryFailedException e) {
            if (e.permanent()) {
                secrets.invalidate(routingKeySecretId);
            }
            throw e;
        }
    }
}
