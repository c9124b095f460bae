package dev.antigravity.api.repository;

import dev.antigravity.api.model.IdempotencyRecord;
import dev.antigravity.api.model.IdempotencyRecord.StoredResponse;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Idempotency keys of order creation, unique per customer. */
public final class IdempotencyRepository {
    private static final NamedStatement CLAIM = NamedStatement.of(
            "INSERT INTO idempotency_keys (customer_subject, idempotency_key, request_fingerprint, created_at) "
                    + "VALUES (:customer, :key, :fingerprint, :now)");
    private static final NamedStatement COMPLETE = NamedStatement.of("UPDATE idempotency_keys SET order_id = :orderId "
            + "WHERE customer_subject = :customer AND idempotency_key = :key");

    /**
     * Binds the key to the request. A second claim of the same key fails with a unique
     * violation — after waiting for the first claim's transaction to end.
     */
    public Sql claim(String customer, String key, String fingerprint, Instant now) {
        return CLAIM.write(Map.of("customer", customer, "key", key, "fingerprint", fingerprint, "now", Times.utc(now)));
    }

    /**
     * Binds the key to the order the claiming request created, in the claim's transaction; the response is the
     * order as placed, rendered again on a replay (so the statement needs nothing the order's round trip returns).
     */
    public Sql complete(String customer, String key, long orderId) {
        return COMPLETE.write(Map.of("orderId", orderId, "customer", customer, "key", key));
    }

    public Optional<IdempotencyRecord> find(DbExecute db, String customer, String key) {
        return db.createGet(
                        "SELECT customer_subject, idempotency_key, request_fingerprint, order_id, "
                                + "response_body, created_at FROM idempotency_keys WHERE customer_subject = :customer AND idempotency_key = :key")
                .addParam("customer", customer)
                .addParam("key", key)
                .execute()
                .map(IdempotencyRepository::record);
    }

    /** Forgets the key if it was claimed before {@code cutoff}, so it can be used afresh. */
    public void forgetIfOlderThan(DbExecute db, String customer, String key, Instant cutoff) {
        db.createDelete("DELETE FROM idempotency_keys WHERE customer_subject = :customer AND idempotency_key = :key "
                        + "AND created_at < :cutoff")
                .addParam("customer", customer)
                .addParam("key", key)
                .addParam("cutoff", Times.utc(cutoff))
                .execute();
    }

    private static IdempotencyRecord record(DbRow row) {
        Optional<StoredResponse> response = Columns.optional(row, "order_id")
                .map(orderId -> new StoredResponse(
                        ((Number) orderId).longValue(),
                        Optional.ofNullable(Columns.nullableString(row, "response_body"))));
        return new IdempotencyRecord(
                Columns.string(row, "customer_subject"),
                Columns.string(row, "idempotency_key"),
                Columns.string(row, "request_fingerprint"),
                Columns.instant(row, "created_at"),
                response);
    }
}
