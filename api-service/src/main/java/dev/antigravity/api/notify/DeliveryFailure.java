package dev.antigravity.api.notify;

/**
 * A message the provider did not take. Transient (outage, throttling, time-out) is retried with
 * backoff; permanent (the provider rejected this message: a bad address, an unverified sender) is not.
 */
public final class DeliveryFailure extends RuntimeException {
    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
