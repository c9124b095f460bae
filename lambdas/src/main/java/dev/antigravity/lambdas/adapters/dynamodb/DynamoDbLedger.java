package dev.antigravity.lambdas.adapters.dynamodb;

import static dev.antigravity.lambdas.adapters.dynamodb.LedgerItems.key;
import static dev.antigravity.lambdas.adapters.dynamodb.LedgerItems.s;
import static dev.antigravity.lambdas.adapters.dynamodb.LedgerItems.servicePk;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The ledger in DynamoDB. Every write is a conditional PutItem: creation requires absence; a transition requires
 * the current state to be one of the allowed from-states and the version to be the one read. Processed event ids
 * are items with a TTL ({@code expiresAt}, epoch seconds) and are also checked against it, because TTL deletion
 * lags by up to days.
 */
public final class DynamoDbLedger implements LedgerPort {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbLedger(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean create(Deployment deployment) {
        return conditionalPut(PutItemRequest.builder()
                .tableName(table)
                .item(LedgerItems.toItem(deployment))
                .conditionExpression("attribute_not_exists(pk)")
                .build());
    }

    @Override
    public boolean transition(Deployment next, Set<DeploymentState> allowedFrom, long expectedVersion) {
        if (allowedFrom.isEmpty()) {
            return false;
        }
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> placeholders = new ArrayList<>();
        int i = 0;
        for (DeploymentState state : allowedFrom) {
            String placeholder = ":from" + i++;
            placeholders.add(placeholder);
            values.put(placeholder, s(state.name()));
        }
        values.put(":version", AttributeValue.fromN(Long.toString(expectedVersion)));
        return conditionalPut(PutItemRequest.builder()
                .tableName(table)
                .item(LedgerItems.toItem(next))
                .conditionExpression("#state IN (" + String.join(", ", placeholders) + ") AND #version = :version")
                .expressionAttributeNames(Map.of("#state", "state", "#version", "version"))
                .expressionAttributeValues(values)
                .build());
    }

    @Override
    public Optional<Deployment> find(ServiceRef service, String deploymentId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .consistentRead(true)
                        .key(key(servicePk(service), LedgerItems.deploymentSk(deploymentId))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LedgerItems.fromItem(item));
    }

    @Override
    public List<Deployment> history(ServiceRef service, int limit) {
        List<Map<String, AttributeValue>> items = dynamo.query(r -> r.tableName(table)
                        .indexName(LedgerItems.GSI)
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(servicePk(service))))
                        .scanIndexForward(false)
                        .limit(limit))
                .items();
        List<Deployment> deployments = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (item.containsKey("state") && item.containsKey("version")) {
                // Projection ALL: use the index's copy. It may lag a write; the conditional writes catch that.
                deployments.add(LedgerItems.fromItem(item));
            } else {
                find(service, item.get("sk").s().substring("DEPLOYMENT#".length()))
                        .ifPresent(deployments::add);
            }
        }
        return deployments;
    }

    @Override
    public Optional<ServiceHead> head(ServiceRef service) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).consistentRead(true).key(key(servicePk(service), LedgerItems.HEAD_SK)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LedgerItems.headFromItem(item));
    }

    @Override
    public boolean writeHead(ServiceHead next) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(LedgerItems.toItem(next));
        if (next.version() <= 1) {
            put.conditionExpression("attribute_not_exists(pk) OR #version = :expected");
        } else {
            put.conditionExpression("#version = :expected");
        }
        return conditionalPut(put.expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(next.version() - 1))))
                .build());
    }

    @Override
    public boolean lock(ServiceRef service, String owner, Instant now, Instant until) {
        return conditionalPut(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        "pk",
                        s(servicePk(service)),
                        "sk",
                        s(LedgerItems.LOCK_SK),
                        "type",
                        s("ServiceLock"),
                        "owner",
                        s(owner),
                        "until",
                        AttributeValue.fromN(Long.toString(until.toEpochMilli()))))
                .conditionExpression("attribute_not_exists(pk) OR #until < :now")
                .expressionAttributeNames(Map.of("#until", "until"))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                .build());
    }

    @Override
    public boolean renewLock(ServiceRef service, String owner, Instant now, Instant until) {
        try {
            // An update, not a put: on a released (deleted) lock the condition fails instead of recreating it.
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key(servicePk(service), LedgerItems.LOCK_SK))
                    .conditionExpression("#owner = :owner AND #until >= :now")
                    .updateExpression("SET #until = :until")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#until", "until"))
                    .expressionAttributeValues(Map.of(
                            ":owner",
                            s(owner),
                            ":now",
                            AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            ":until",
                            AttributeValue.fromN(Long.toString(until.toEpochMilli())))));
            return true;
        } catch (ConditionalCheckFailedException lapsedOrTaken) {
            return false;
        }
    }

    @Override
    public void unlock(ServiceRef service, String owner) {
        try {
            dynamo.deleteItem(r -> r.tableName(table)
                    .key(key(servicePk(service), LedgerItems.LOCK_SK))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(owner))));
        } catch (ConditionalCheckFailedException expiredAndTaken) {
            // The lease ran out and another holder has it now: theirs to release.
        }
    }

    @Override
    public boolean markProcessed(String eventId, String handler, Instant expiresAt) {
        return conditionalPut(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        "pk",
                        s("EVENT#" + eventId),
                        "sk",
                        s("PROCESSED"),
                        "type",
                        s("ProcessedEvent"),
                        "handler",
                        s(handler),
                        "processedAt",
                        s(clock.instant().toString()),
                        "expiresAt",
                        AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))
                .conditionExpression("attribute_not_exists(pk)")
                .build());
    }

    @Override
    public boolean isProcessed(String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).consistentRead(true).key(key("EVENT#" + eventId, "PROCESSED")))
                .item();
        return item != null
                && !item.isEmpty()
                && Long.parseLong(item.get("expiresAt").n()) > clock.instant().getEpochSecond();
    }

    @Override
    public Optional<Suspension> suspension(ServiceRef service) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).consistentRead(true).key(key(servicePk(service), "AUTOMATION")))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(new Suspension(
                        item.get("reason").s(), Instant.parse(item.get("since").s())));
    }

    @Override
    public boolean suspend(ServiceRef service, String reason, Instant at) {
        return conditionalPut(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        "pk",
                        s(servicePk(service)),
                        "sk",
                        s("AUTOMATION"),
                        "type",
                        s("AutomationSuspended"),
                        "reason",
                        s(reason),
                        "since",
                        s(at.toString())))
                .conditionExpression("attribute_not_exists(pk)")
                .build());
    }

    @Override
    public boolean resume(ServiceRef service) {
        Map<String, AttributeValue> old = dynamo.deleteItem(r -> r.tableName(table)
                        .key(key(servicePk(service), "AUTOMATION"))
                        .returnValues("ALL_OLD"))
                .attributes();
        return old != null && !old.isEmpty();
    }

    private boolean conditionalPut(PutItemRequest request) {
        try {
            dynamo.putItem(request);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
