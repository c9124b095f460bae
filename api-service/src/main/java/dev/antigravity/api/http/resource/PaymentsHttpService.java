package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.CorrelationId;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.service.PaymentService;
import dev.antigravity.api.service.ProviderEvent;
import dev.antigravity.api.service.WebhookOutcome;
import dev.antigravity.api.service.WebhookVerifier;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code /api/payments/webhook}: the payment provider's events. Called by the provider, not by a
 * user, so no token: the signature over the exact body bytes is the authentication.
 */
public final class PaymentsHttpService implements HttpService {
    static final HeaderName STRIPE_SIGNATURE = HeaderNames.create("Stripe-Signature");

    private final PaymentService payments;
    private final WebhookVerifier webhooks;

    public PaymentsHttpService(PaymentService payments, WebhookVerifier webhooks) {
        this.payments = payments;
        this.webhooks = webhooks;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/webhook", this::webhook);
    }

    private void webhook(ServerRequest req, ServerResponse res) {
        RequestParams.allowOnly(req, Set.of());
        if (!JsonBody.isJson(req.headers().first(HeaderNames.CONTENT_TYPE).orElse(""))) {
            throw ApiException.unsupportedMediaType(
                    "A webhook body must be JSON in UTF-8 (Content-Type: application/json).");
        }
        byte[] body = JsonBody.bytes(req);
        ProviderEvent event;
        try {
            event = webhooks.verify(
                    new String(body, StandardCharsets.UTF_8),
                    req.headers().first(STRIPE_SIGNATURE).orElse(null));
        } catch (WebhookVerifier.InvalidWebhook e) {
            throw ApiException.badRequest("Webhook refused, nothing was changed: " + e.getMessage());
        }
        WebhookOutcome outcome = payments.receive(event, CorrelationId.of(req));
        res.send(new Receipt(event.id(), outcome));
    }

    /** The answer the provider gets: any 2xx stops its redelivery. */
    record Receipt(String event, WebhookOutcome outcome) {}
}
