package dev.antigravity.api.service;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The provider of the embedded default (no provider key configured): no money moves and nothing
 * leaves the process. Ids are derived from the idempotency key, so it is idempotent the way the
 * real provider is, without remembering anything. Its payments are completed by webhooks signed
 * with the local webhook secret (README: the flow with curl), verified exactly like the real
 * provider's.
 */
public final class LocalPaymentGateway implements PaymentGateway {
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderIntent createIntent(long orderId, long amountCents, String currency, String idempotencyKey) {
        String id = "pi_local_" + derived(idempotencyKey);
        return new ProviderIntent(id, id + "_secret_" + derived("secret:" + idempotencyKey));
    }

    @Override
    public String refund(String providerPaymentId, String idempotencyKey) {
        return "re_local_" + derived(idempotencyKey);
    }

    private static String derived(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }
}
