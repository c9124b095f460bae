package dev.antigravity.api.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.service.ProviderEvent;
import dev.antigravity.api.service.WebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Stripe's webhook check, by the official client: the {@code Stripe-Signature} header must carry
 * an HMAC-SHA256 of "timestamp.payload" under the endpoint's secret, and the timestamp must lie
 * within {@code tolerance} of now, so a captured event cannot be replayed later. The same check
 * guards the local provider, with its own secret.
 */
final class StripeWebhookVerifier implements WebhookVerifier {
    private final String secret;
    private final Duration tolerance;
    private final Clock clock;

    StripeWebhookVerifier(String secret, Duration tolerance, Clock clock) {
        this.secret = secret;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public ProviderEvent verify(String payload, String signatureHeader) throws InvalidWebhook {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhook("The Stripe-Signature header is required.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, tolerance.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhook("The Stripe-Signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidWebhook("The signed payload is not a Stripe event.");
        }
        if (event.getId() == null || event.getType() == null) {
            throw new InvalidWebhook("The signed payload is not a Stripe event (no id or type).");
        }
        JsonNode object = dataObject(event);
        Optional<String> paymentId =
                "payment_intent".equals(object.path("object").asText()) ? text(object.path("id")) : Optional.empty();
        return new ProviderEvent(
                event.getId(),
                event.getType(),
                paymentId,
                text(object.path("last_payment_error").path("message")),
                paymentId.isPresent() ? intent(object) : Optional.empty());
    }

    /**
     * The order an intent names ({@code metadata[order_id]} as PaymentIntentForm writes it, a decimal
     * string), with its amount and currency; none unless all three are there.
     */
    private static Optional<ProviderEvent.Intent> intent(JsonNode object) {
        Optional<Long> orderId = text(object.path("metadata").path("order_id"))
                .filter(id -> id.matches("[1-9][0-9]{0,17}"))
                .map(Long::valueOf);
        JsonNode amount = object.path("amount");
        Optional<String> currency = text(object.path("currency"));
        if (orderId.isEmpty() || !amount.canConvertToLong() || !amount.isIntegralNumber() || currency.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderEvent.Intent(
                orderId.get(), amount.asLong(), currency.get(), text(object.path("client_secret"))));
    }

    /*
     * Read as plain JSON rather than as the client's typed PaymentIntent: the typed form is empty
     * when the event's API version differs from the client's, and only a few fields are needed.
     */
    private static JsonNode dataObject(Event event) throws InvalidWebhook {
        try {
            return Json.mapper().readTree(event.getDataObjectDeserializer().getRawJson());
        } catch (Exception e) {
            throw new InvalidWebhook("The signed event has no readable data.object.");
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
