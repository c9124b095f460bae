package dev.antigravity.lambdas.domain;

/**
 * ECS refused a request in a way a retry cannot fix (an INACTIVE task definition, an invalid parameter): the caller
 * records the failure and tells a human instead of retrying until the event lands in the failure queue.
 */
public final class EcsRejectedException extends RuntimeException {
    public EcsRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    public EcsRejectedException(String message) {
        super(message);
    }
}
