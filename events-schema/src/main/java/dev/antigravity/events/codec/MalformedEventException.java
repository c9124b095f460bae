package dev.antigravity.events.codec;

/** The input is not the event it claims to be; retrying it can never succeed. */
public final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
