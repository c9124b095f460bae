package dev.antigravity.lambdas.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DeliveryLog.Claim;
import dev.antigravity.lambdas.notifyfixtures.LedgerTables;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The delivery claims against moto_server's DynamoDB: conditional writes, not an in-memory imitation. */
@ExtendWith(MotoServer.Required.class)
class DynamoDbDeliveryLogIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static DynamoDbClient dynamo;
    private static String table;

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final DynamoDbDeliveryLog log = new DynamoDbDeliveryLog(dynamo, table, () -> now.get());

    @BeforeAll
    static void createTable() {
        dynamo = MotoServer.client(DynamoDbClient.builder());
        table = LedgerTables.create(dynamo);
    }

    @AfterAll
    static void dropTable() {
        dynamo.deleteTable(delete -> delete.tableName(table));
        dynamo.close();
    }

    @Test
    void aDeliveredPairIsNeverClaimedAgain() {
        Claim first = log.claim("evt-1", Channel.SLACK, NOW.plusSeconds(60));
        assertThat(first.state()).isEqualTo(Claim.State.CLAIMED);
        log.markDelivered("evt-1", Channel.SLACK, first.token());

        assertThat(log.claim("evt-1", Channel.SLACK, NOW.plusSeconds(60)).state())
                .isEqualTo(Claim.State.ALREADY_DELIVERED);
        now.set(NOW.plusSeconds(3600));
        assertThat(log.claim("evt-1", Channel.SLACK, NOW.plusSeconds(3660)).state())
                .isEqualTo(Claim.State.ALREADY_DELIVERED);
        assertThat(log.claim("evt-1", Channel.PAGERDUTY, NOW.plusSeconds(3660)).state())
                .isEqualTo(Claim.State.CLAIMED);
    }

    @Test
    void aLiveClaimKeepsOthersOutUntilItsLeaseEnds() {
        Claim holder = log.claim("evt-2", Channel.SLACK, NOW.plusSeconds(60));

        assertThat(log.claim("evt-2", Channel.SLACK, NOW.plusSeconds(60)).state())
                .isEqualTo(Claim.State.HELD_ELSEWHERE);
        now.set(NOW.plusSeconds(61));
        Claim takeover = log.claim("evt-2", Channel.SLACK, NOW.plusSeconds(120));
        assertThat(takeover.state()).isEqualTo(Claim.State.CLAIMED);
        assertThat(takeover.token()).isNotEqualTo(holder.token());
        // The dead holder's late release must not free the new holder's claim.
        log.release("evt-2", Channel.SLACK, holder.token());
        assertThat(log.claim("evt-2", Channel.SLACK, NOW.plusSeconds(120)).state())
                .isEqualTo(Claim.State.HELD_ELSEWHERE);
    }

    @Test
    void aReleasedClaimCanBeTakenAtOnceAndRecordsExpireThroughTheTableTtl() {
        Claim failed = log.claim("evt-3", Channel.PAGERDUTY, NOW.plusSeconds(60));
        log.release("evt-3", Channel.PAGERDUTY, failed.token());

        Claim retry = log.claim("evt-3", Channel.PAGERDUTY, NOW.plusSeconds(60));
        assertThat(retry.state()).isEqualTo(Claim.State.CLAIMED);
        log.markDelivered("evt-3", Channel.PAGERDUTY, retry.token());

        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS("NOTIFY#evt-3"),
                                "sk",
                                AttributeValue.fromS("CHANNEL#PAGERDUTY"))))
                .item();
        assertThat(item.get("state").s()).isEqualTo("DELIVERED");
        assertThat(item).doesNotContainKeys("claimToken", "leaseUntil");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(NOW.plus(DynamoDbDeliveryLog.RETENTION).getEpochSecond());
    }
}
