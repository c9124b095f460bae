package dev.antigravity.api.service;

/** Turns a webhook request into a {@link ProviderEvent} only if the provider signed it recently. */
public interface WebhookVerifier {

    /**
     * @param payload         the request body exactly as received (the signature covers its bytes)
     * @param signatureHeader the provider's signature header, null when absent
     * @throws InvalidWebhook when the signature is missing, forged, or older than the tolerance
     */
    ProviderEvent verify(String payload, String signatureHeader) throws InvalidWebhook;

    /** Why a webhook was refused; the message is safe to return to the sender. */
    final class InvalidWebhook extends Exception {
        public InvalidWebhook(String message) {
            super(message);
        }
    }
}
