package dev.antigravity.lambdas.domain.notification;

/**
 * A channel did not take a message. {@code permanent} means retrying the same request cannot succeed (a 4xx such
 * as a revoked webhook or a rejected payload); otherwise the retries were spent on throttling, 5xx or timeouts.
 */
public final class DeliveryFailedException extends RuntimeException {
    private final Channel channel;
    private final boolean permanent;

    public DeliveryFailedException(Channel channel, boolean permanent, String message, Throwable cause) {
        super(channel + ": " + message, cause);
        this.channel = channel;
        this.permanent = permanent;
    }

    public Channel channel() {
        return channel;
    }

    public boolean permanent() {
        return permanent;
    }
}
