package dev.antigravity.api.repository;

import dev.antigravity.api.model.Payment;
import dev.antigravity.api.model.PaymentStatus;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Payments (one per order) and the provider events already processed. */
public final class PaymentRepository {
    private static final String COLUMNS = "order_id, provider, provider_payment_id, client_secret, idempotency_key, "
            + "amount_cents, currency, status, attempts, failure, refund_id, created_at, updated_at";
    /** payments.failure is VARCHAR(500). */
    private static final int FAILURE_LENGTH = 500;

    private final DatabaseKind kind = new DatabaseKind();

    private static final NamedStatement INSERT = NamedStatement.of(
            "INSERT INTO payments (order_id, provider, idempotency_key, amount_cents, currency, status, "
                    + "attempts, created_at, updated_at) SELECT id, :provider, :key, CAST(total * 100 AS BIGINT), "
                    + ":currency, :status, 0, :now, :now FROM orders WHERE id = :orderId");
    private static final NamedStatement CREATED =
            NamedStatement.of("UPDATE payments SET provider_payment_id = :id, client_secret = :secret, status = :to, "
                    + "failure = NULL, updated_at = :now WHERE order_id = :orderId AND status = :from");

    /**
     * Stores the payment an order needs, before the provider is asked (status CREATING), for the order's total in
     * cents as the order's row has it: the statement reads it, so it can follow the order's statements in the same
     * round trip (the total is set by the statement before it, from the lines).
     */
    public Sql insert(long orderId, String provider, String idempotencyKey, String currency, Instant now) {
        return INSERT.write(Map.of(
                "orderId",
                orderId,
                "provider",
                provider,
                "key",
                idempotencyKey,
                "currency",
                currency,
                "status",
                PaymentStatus.CREATING.name(),
                "now",
                Times.utc(now)));
    }

    public Optional<Payment> findByOrder(DbExecute db, long orderId) {
        return db.createGet("SELECT " + COLUMNS + " FROM payments WHERE order_id = :orderId")
                .addParam("orderId", orderId)
                .execute()
                .map(PaymentRepository::payment);
    }

    public Optional<Payment> findByProviderPayment(DbExecute db, String providerPaymentId) {
        return db.createGet("SELECT " + COLUMNS + " FROM payments WHERE provider_payment_id = :id")
                .addParam("id", providerPaymentId)
                .execute()
                .map(PaymentRepository::payment);
    }

    /** CREATING → REQUIRES_PAYMENT with the provider's ids; false if another request got there first. */
    public boolean created(DbExecute db, long orderId, String providerPaymentId, String clientSecret, Instant now) {
        return CREATED.bind(
                                db.createUpdate(CREATED.sql()),
                                createdValues(orderId, providerPaymentId, clientSecret, now))
                        .execute()
                == 1;
    }

    private static Map<String, Object> createdValues(
            long orderId, String providerPaymentId, String clientSecret, Instant now) {
        Map<String, Object> values = new HashMap<>(); // the client secret may be null (an event that did not carry it)
        values.put("id", providerPaymentId);
        values.put("secret", clientSecret);
        values.put("to", PaymentStatus.REQUIRES_PAYMENT.name());
        values.put("now", Times.utc(now));
        values.put("orderId", orderId);
        values.put("from", PaymentStatus.CREATING.name());
        return values;
    }

    /**
     * {@link #created} of many payments at once, each under the same condition (still CREATING), so a
     * payment that another request, the sweep or a webhook completed first is left as it is. On
     * PostgreSQL one statement, one round trip: {@code UPDATE ... FROM (VALUES ...)}. On H2, which has
     * no {@code UPDATE ... FROM} and no round trips (it runs in-process), a JDBC batch of {@link
     * #created}'s statement. Autocommitted: each payment's write stands alone.
     *
     * @return how many payments were still CREATING and took their intent
     */
    public int createdAll(DbClient db, List<CreatedIntent> intents) {
        if (intents.isEmpty()) {
            return 0;
        }
        // The DbClient's (traced) pool: Helidon's statements take no batch of values.
        try (Connection connection = db.unwrap(Connection.class)) {
            connection.setAutoCommit(true);
            return kind.isPostgres(connection)
                    ? createdInOneStatement(connection, intents)
                    : createdInABatch(connection, intents);
        } catch (SQLException e) {
            throw new DbClientException("Recording created PaymentIntents failed: " + e.getMessage(), e);
        }
    }

    private static int createdInOneStatement(Connection connection, List<CreatedIntent> intents) throws SQLException {
        StringBuilder sql =
                new StringBuilder("UPDATE payments SET provider_payment_id = v.id, client_secret = v.secret, "
                        + "status = ?, failure = NULL, updated_at = v.at FROM (VALUES ");
        for (int i = 0; i < intents.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        sql.append(") AS v (order_id, id, secret, at) WHERE payments.order_id = v.order_id AND payments.status = ?");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int p = 1;
            update.setString(p++, PaymentStatus.REQUIRES_PAYMENT.name());
            for (CreatedIntent intent : intents) {
                update.setLong(p++, intent.orderId());
                update.setString(p++, intent.intentId());
                update.setString(p++, intent.clientSecret());
                update.setObject(p++, Times.utc(intent.at()));
            }
            update.setString(p, PaymentStatus.CREATING.name());
            return update.executeUpdate();
        }
    }

    private static int createdInABatch(Connection connection, List<CreatedIntent> intents) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(CREATED.sql())) {
            for (CreatedIntent intent : intents) {
                CREATED.bindPositional(
                        update, createdValues(intent.orderId(), intent.intentId(), intent.clientSecret(), intent.at()));
                update.addBatch();
            }
            int updated = 0;
            for (int count : update.executeBatch()) {
                updated += Math.max(count, 0);
            }
            return updated;
        }
    }

    /** Records why the provider could not be asked (the payment stays CREATING, to be retried). */
    public void creationFailed(DbExecute db, long orderId, String failure, Instant now) {
        db.createUpdate("UPDATE payments SET failure = :failure, updated_at = :now WHERE order_id = :orderId "
                        + "AND status = :status")
                .addParam("failure", truncate(failure))
                .addParam("now", Times.utc(now))
                .addParam("orderId", orderId)
                .addParam("status", PaymentStatus.CREATING.name())
                .execute();
    }

    /** A payment attempt the provider reported: the new status, one more attempt, the failure if any. */
    public boolean attempted(
            DbExecute db, long orderId, PaymentStatus from, PaymentStatus to, Optional<String> failure, Instant now) {
        return db.createUpdate("UPDATE payments SET status = :to, attempts = attempts + 1, failure = :failure, "
                                + "updated_at = :now WHERE order_id = :orderId AND status = :from")
                        .addParam("to", to.name())
                        .addParam(
                                "failure",
                                failure.map(PaymentRepository::truncate).orElse(null))
                        .addParam("now", Times.utc(now))
                        .addParam("orderId", orderId)
                        .addParam("from", from.name())
                        .execute()
                == 1;
    }

    /** SUCCEEDED → REFUNDED with the provider's refund id; false if already refunded. */
    public boolean refunded(DbExecute db, long orderId, String refundId, Instant now) {
        return db.createUpdate("UPDATE payments SET status = :to, refund_id = :refundId, updated_at = :now "
                                + "WHERE order_id = :orderId AND status = :from")
                        .addParam("to", PaymentStatus.REFUNDED.name())
                        .addParam("refundId", refundId)
                        .addParam("now", Times.utc(now))
                        .addParam("orderId", orderId)
                        .addParam("from", PaymentStatus.SUCCEEDED.name())
                        .execute()
                == 1;
    }

    /** Orders whose payment succeeded although the order ended unfulfilled: they are owed a refund. */
    public List<Long> refundsDue(DbExecute db, int limit) {
        return db.createQuery("SELECT p.order_id FROM payments p JOIN orders o ON o.id = p.order_id "
                        + "WHERE p.status = :succeeded AND o.status IN ('CANCELLED', 'EXPIRED') "
                        + "ORDER BY p.order_id LIMIT :limit")
                .addParam("succeeded", PaymentStatus.SUCCEEDED.name())
                .addParam("limit", limit)
                .execute()
                .map(row -> Columns.longValue(row, "order_id"))
                .toList();
    }

    /** Payments whose provider call failed, oldest first, to be asked again. */
    public List<Long> stillCreating(DbExecute db, Instant placedBefore, int limit) {
        return db.createQuery("SELECT order_id FROM payments WHERE status = :creating AND created_at < :before "
                        + "ORDER BY order_id LIMIT :limit")
                .addParam("creating", PaymentStatus.CREATING.name())
                .addParam("before", Times.utc(placedBefore))
                .addParam("limit", limit)
                .execute()
                .map(row -> Columns.longValue(row, "order_id"))
                .toList();
    }

    /**
     * Records a provider event as processed. A second delivery of the same event id violates the
     * primary key, which the caller treats as "already processed".
     */
    public void recordEvent(DbExecute db, String eventId, String type, String outcome, Instant now) {
        db.createInsert("INSERT INTO payment_events (event_id, type, outcome, received_at) "
                        + "VALUES (:id, :type, :outcome, :now)")
                .addParam("id", eventId)
                .addParam("type", type)
                .addParam("outcome", outcome)
                .addParam("now", Times.utc(now))
                .execute();
    }

    public boolean eventProcessed(DbExecute db, String eventId) {
        return db.createGet("SELECT event_id FROM payment_events WHERE event_id = :id")
                .addParam("id", eventId)
                .execute()
                .isPresent();
    }

    private static String truncate(String text) {
        return text.length() <= FAILURE_LENGTH ? text : text.substring(0, FAILURE_LENGTH);
    }

    private static Payment payment(DbRow row) {
        return new Payment(
                Columns.longValue(row, "order_id"),
                Columns.string(row, "provider"),
                Columns.optional(row, "provider_payment_id")
                        .map(Object::toString)
                        .orElse(null),
                Columns.optional(row, "client_secret").map(Object::toString).orElse(null),
                Columns.string(row, "idempotency_key"),
                Columns.longValue(row, "amount_cents"),
                Columns.string(row, "currency"),
                PaymentStatus.valueOf(Columns.string(row, "status")),
                Columns.intValue(row, "attempts"),
                Columns.optional(row, "failure").map(Object::toString).orElse(null),
                Columns.optional(row, "refund_id").map(Object::toString).orElse(null),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"));
    }
}
