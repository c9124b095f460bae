package dev.antigravity.lambdas.adapters.secrets;

/** A secret could not be read; the message names the secret id, never its value. */
public final class SecretUnavailableException extends RuntimeException {
    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
