package dev.antigravity.api.http.resource;

import com.stripe.net.Webhook;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Stripe events as the provider sends them, signed the way it signs them (by stripe-java). */
final class StripeEvents {
    private StripeEvents() {}

    /** An event with a fresh id about {@code objectId}; {@code failure} as last_payment_error.message, or null. */
    static String event(String type, String objectId, String failure) {
        String object = objectId.startsWith("pi_") ? "payment_intent" : "customer";
        String error = failure == null ? "null" : Api.json(Map.of("message", failure, "type", "card_error"));
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"api_version\":\"2025-01-27.acacia\",\"created\":"
                + Instant.now().getEpochSecond() + ","
                + "\"livemode\":false,\"type\":\"" + type + "\",\"data\":{\"object\":{\"id\":\"" + objectId + "\","
                + "\"object\":\"" + object + "\",\"amount\":250,\"currency\":\"usd\",\"last_payment_error\":" + error
                + "}}}";
    }

    /** The Stripe-Signature header for {@code payload} under {@code secret}, made at {@code epochSecond}. */
    static String signature(String payload, String secret, long epochSecond) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, epochSecond);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Api.Reply deliver(Api api, String payload, String signature) {
        return api.call(
                "POST",
                "/api/payments/webhook",
                Caller.ANONYMOUS,
                payload,
                signature == null ? Map.of() : Map.of("Stripe-Signature", signature));
    }
}
