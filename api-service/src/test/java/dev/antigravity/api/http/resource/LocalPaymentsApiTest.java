package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.payment.PaymentProviders;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.testing.junit5.ServerTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The embedded default (no Stripe key, H2), as {@code ./scripts/run-api} serves it: the local
 * provider creates the payment, and a webhook signed with the local secret — and only that one —
 * pays the order, exactly as the README's curl flow does.
 */
@ServerTest
class LocalPaymentsApiTest extends H2ServerTest {

    LocalPaymentsApiTest(Http1Client client) {
        super(client);
    }

    @Test
    void theWholeFlowRunsOnTheLocalProvider() {
        long order = world().newOrder(world().owner);
        JsonNode payment =
                api.get("/api/orders/" + order + "/payment", world().owner).json();
        assertThat(payment.get("provider").asText()).isEqualTo("local");
        assertThat(payment.get("status").asText()).isEqualTo("REQUIRES_PAYMENT");
        String intent = payment.get("providerPaymentId").asText();
        assertThat(intent).startsWith("pi_local_");
        String succeeded = StripeEvents.event("payment_intent.succeeded", intent, null);
        long now = Instant.now().getEpochSecond();

        Api.Reply foreign = StripeEvents.deliver(api, succeeded, StripeEvents.signature(succeeded, "whsec_other", now));
        Api.Reply local = StripeEvents.deliver(
                api, succeeded, StripeEvents.signature(succeeded, PaymentProviders.LOCAL_WEBHOOK_SECRET, now));

        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(local.status()).as(local.toString()).isEqualTo(200);
        assertThat(api.get("/api/orders/" + order, world().owner)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("PAID");
        Api.Reply cancelled = api.patch("/api/orders/" + order, world().owner, "{\"status\":\"CANCELLED\"}");
        assertThat(cancelled.json().get("status").asText()).isEqualTo("REFUNDED");
        assertThat(api.get("/api/orders/" + order + "/payment", world().owner)
                        .json()
                        .get("refundId")
                        .asText())
                .startsWith("re_local_");
    }
}
