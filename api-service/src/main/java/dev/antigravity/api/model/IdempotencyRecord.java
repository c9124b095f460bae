package dev.antigravity.api.model;

import java.time.Instant;
import java.util.Optional;

/** What an Idempotency-Key is bound to: the request's fingerprint and, once done, the response. */
public record IdempotencyRecord(
        String customer, String key, String fingerprint, Instant createdAt, Optional<StoredResponse> response) {

    /**
     * The order created for this key and, for keys completed before release 11 (migration V11), its JSON as first
     * returned, replayed verbatim. Newer keys store only the order: a replay renders the order as it was placed
     * (its lines and total never change; it was PENDING, not yet updated), which is the same JSON.
     */
    public record StoredResponse(long orderId, Optional<String> body) {}
}
