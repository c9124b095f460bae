package dev.antigravity.lambdas.adapters.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import dev.antigravity.lambdas.logging.Log;
import java.net.URI;

/**
 * Answers a click through the {@code response_url} Slack gave with it: in the clicked message's thread for everyone
 * (what was done, by whom), or only to the clicker (a refusal). Only URLs under the configured Slack prefix are
 * posted to: the URL comes from the request body, and a signed body is Slack's, but a bug elsewhere must not turn
 * this function into a way to reach arbitrary hosts from inside the VPC.
 */
public final class SlackThreadReply {
    public static final String SLACK_RESPONSE_PREFIX = "https://hooks.slack.com/";
    private static final Log LOG = Log.of(SlackThreadReply.class);

    private final WebhookPoster poster;
    private final ObjectMapper json;
    private final String allowedPrefix;

    public SlackThreadReply(WebhookPoster poster, ObjectMapper json, String allowedPrefix) {
        this.poster = poster;
        this.json = json;
        this.allowedPrefix = allowedPrefix;
    }

    /** Announces in the thread of the clicked message; false when it could not (logged). */
    public boolean announce(SlackInteraction click, String text) {
        ObjectNode body = json.createObjectNode()
                .put("response_type", "in_channel")
                .put("replace_original", false)
                .put("text", text);
        if (click.messageTs() != null) {
            body.put("thread_ts", click.messageTs());
        }
        return post(click, body);
    }

    /** Tells only the person who clicked (an ephemeral message). */
    public boolean tellClicker(SlackInteraction click, String text) {
        return post(
                click,
                json.createObjectNode()
                        .put("response_type", "ephemeral")
                        .put("replace_original", false)
                        .put("text", text));
    }

    private boolean post(SlackInteraction click, ObjectNode body) {
        if (click.responseUrl() == null || !click.responseUrl().startsWith(allowedPrefix)) {
            LOG.warn("no Slack response_url under the allowed prefix; not answering in Slack", "prefix", allowedPrefix);
            return false;
        }
        try {
            poster.post(Channel.SLACK, URI.create(click.responseUrl()), body.toString());
            return true;
        } catch (DeliveryFailedException | IllegalArgumentException e) {
            // The action itself is done (or refused) already; a lost announcement must not undo or repeat it.
            LOG.error("could not answer in Slack", e);
            return false;
        }
    }
}
