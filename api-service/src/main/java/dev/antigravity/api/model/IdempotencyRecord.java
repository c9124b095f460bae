package dev.antigravity.api.model;

import java.time.Instant;
import java.util.Optional;

/** What an Idempotency-Key is bound to: the request's fingerprint and, once done, the response. */
public record IdempotencyRecord(
        String customer, String key, String fingerprint, Instant createdAt, Optional<StoredResponse> response) {

    /** The order created for this key and its JSON as first returned, replayed verbatim. */
    public record StoredResponse(long orderId, String body) {}
}
