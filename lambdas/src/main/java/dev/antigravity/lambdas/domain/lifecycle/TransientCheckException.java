package dev.antigravity.lambdas.domain.lifecycle;

/**
 * A check could not be made right now (I/O error, throttling, an AWS 5xx). The hook answers IN_PROGRESS and asks
 * again rather than FAILED: failing would roll back a deployment that may be perfectly healthy because of a blip
 * in our own path. The attempt still counts, so a blip that never ends is FAILED at the bound.
 */
public final class TransientCheckException extends RuntimeException {
    public TransientCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
