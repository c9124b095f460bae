package dev.antigravity.lambdas.adapters.pagerduty;

import dev.antigravity.lambdas.adapters.secrets.SecretBearingPoster;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.ChannelSender;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import dev.antigravity.lambdas.domain.notification.PagerDutyAction;
import java.net.URI;

/** Sends Events API v2 events (one per action of the dispatch) with the routing key held in secret {@code PAGERDUTY_ROUTING_KEY_SECRET_ID}. */
public final class PagerDutySender implements ChannelSender {
    /** The public Events API v2 endpoint; overridable for tests and EU service regions. */
    public static final URI DEFAULT_EVENTS_URL = URI.create("https://events.pagerduty.com/v2/enqueue");

    private final SecretBearingPoster poster;
    private final URI eventsUrl;
    private final PagerDutyEventFormatter formatter;

    public PagerDutySender(SecretBearingPoster poster, URI eventsUrl, PagerDutyEventFormatter formatter) {
        this.poster = poster;
        this.eventsUrl = eventsUrl;
        this.formatter = formatter;
    }

    @Override
    public Channel channel() {
        return Channel.PAGERDUTY;
    }

    @Override
    public void send(Dispatch dispatch) {
        // Triggers dedup and resolves are no-ops when repeated, so a retry after a partial failure may resend all.
        for (PagerDutyAction action : dispatch.pagerDutyActions()) {
            poster.post(
                    Channel.PAGERDUTY,
                    routingKey -> eventsUrl,
                    routingKey -> formatter.format(dispatch, action, routingKey));
        }
    }
}
