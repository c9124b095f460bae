package dev.antigravity.lambdas.adapters.dynamodb;

import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DeliveryLog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The notifier's delivery records, kept in the ledger table beside the deployments under their own key prefix
 * ({@code pk = NOTIFY#<platform event id>}, {@code sk = CHANNEL#<channel>}) and expired by the table's TTL
 * attribute after {@link #RETENTION} — longer than an SQS DLQ keeps a message, so a redrive cannot double-post.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {
    static final Duration RETENTION = Duration.ofDays(15);
    private static final String CLAIMED = "CLAIMED";
    private static final String DELIVERED = "DELIVERED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final InstantSource clock;

    public DynamoDbDeliveryLog(DynamoDbClient dynamo, String table, InstantSource clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Claim claim(String eventId, Channel channel, Instant leaseUntil) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = Map.of(
                "pk",
                s(pk(eventId)),
                "sk",
                s(sk(channel)),
                "state",
                s(CLAIMED),
                "claimToken",
                s(token),
                "leaseUntil",
                n(leaseUntil.toEpochMilli()),
                "expiresAt",
                n(now.plus(RETENTION).getEpochSecond()));
        try {
            // Free, or claimed by an invocation whose lease ran out (it died between claim and release).
            dynamo.putItem(put -> put.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :claimed AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", s(CLAIMED), ":now", n(now.toEpochMilli()))));
            return Claim.claimed(token);
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> current = dynamo.getItem(
                            get -> get.tableName(table).consistentRead(true).key(key(eventId, channel)))
                    .item();
            boolean delivered = current != null
                    && current.containsKey("state")
                    && DELIVERED.equals(current.get("state").s());
            return Claim.of(delivered ? Claim.State.ALREADY_DELIVERED : Claim.State.HELD_ELSEWHERE);
        }
    }

    /**
     * Unconditional on purpose: the post succeeded, so "delivered" is now the truth whoever holds the claim, and
     * DELIVERED is the final state no other write can move it out of.
     */
    @Override
    public void markDelivered(String eventId, Channel channel, String claimToken) {
        dynamo.updateItem(update -> update.tableName(table)
                .key(key(eventId, channel))
                .updateExpression("SET #state = :delivered, deliveredAt = :now, expiresAt = :expires "
                        + "REMOVE leaseUntil, claimToken")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(
                        ":delivered",
                        s(DELIVERED),
                        ":now",
                        s(clock.instant().toString()),
                        ":expires",
                        n(clock.instant().plus(RETENTION).getEpochSecond()))));
    }

    @Override
    public void release(String eventId, Channel channel, String claimToken) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(table)
                    .key(key(eventId, channel))
                    .conditionExpression("claimToken = :token")
                    .expressionAttributeValues(Map.of(":token", s(claimToken))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Our lease ran out and someone else holds the pair now: theirs to finish.
        }
    }

    static String pk(String eventId) {
        return "NOTIFY#" + eventId;
    }

    static String sk(Channel channel) {
        return "CHANNEL#" + channel.name();
    }

    private static Map<String, AttributeValue> key(String eventId, Channel channel) {
        return Map.of("pk", s(pk(eventId)), "sk", s(sk(channel)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
