package dev.antigravity.api.service;

/** The provider could not be reached or refused a call; the message says why (no secrets in it). */
public final class PaymentProviderException extends RuntimeException {
    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
