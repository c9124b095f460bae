package dev.antigravity.lambdas.adapters.secrets;

import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import java.net.URI;
import java.util.function.Function;

/**
 * Posts with a credential held in a secret (a Slack webhook URL, a PagerDuty routing key). A permanent rejection
 * forgets the cached secret, so a rotated or re-issued credential is read afresh on the next event. Failures name
 * the secret id, never the value: a malformed URL's own message would echo it.
 */
public final class SecretBearingPoster {
    private final SecretSource secrets;
    private final String secretId;
    private final WebhookPoster poster;

    public SecretBearingPoster(SecretSource secrets, String secretId, WebhookPoster poster) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.poster = poster;
    }

    /**
     * @param target where to post, given the credential
     * @param body   what to post, given the credential
     */
    public void post(Channel channel, Function<String, URI> target, Function<String, String> body) {
        String credential;
        URI uri;
        try {
            credential = secrets.get(secretId).reveal();
            uri = target.apply(credential);
        } catch (SecretUnavailableException | IllegalArgumentException e) {
            throw new DeliveryFailedException(
                    channel,
                    false,
                    "no usable credential in secret " + secretId + " ("
                            + e.getClass().getSimpleName() + ")",
                    null);
        }
        try {
            poster.post(channel, uri, body.apply(credential));
        } catch (DeliveryFailedException e) {
            if (e.permanent()) {
                secrets.invalidate(secretId);
            }
            throw e;
        }
    }
}
